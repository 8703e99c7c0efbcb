package io.newsframe.topics;

import java.io.Serializable;

/** One document in the sampler: its term ids in order and the topic drawn for each. */
record TopicDocument(String id, int[] words, int[] topics) implements Serializable {}
