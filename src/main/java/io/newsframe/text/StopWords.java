package io.newsframe.text;

import java.util.Set;

/** Function words used to tell running prose from chrome (jusText's stop-word density). */
public final class StopWords {
  private StopWords() {}

  /** The commonest English function words; prose has a density of about 0.4 of them, menus ~0. */
  public static final Set<String> ENGLISH = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
      "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
      "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
      "itself", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor",
      "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
      "out", "over", "own", "said", "same", "says", "she", "should", "so", "some", "such", "than",
      "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
      "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very", "was", "we",
      "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
      "would", "you", "your", "yours", "yourself", "yourselves");
}
