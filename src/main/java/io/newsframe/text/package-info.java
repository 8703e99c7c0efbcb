/**
 * Small helpers on text that several stages share: normalization, line keys, stop words, counting
 * keys within a task ({@link io.newsframe.text.PartialCounts}), and the OpenNLP models shipped in
 * jars (language detection, English lemmas), loaded once per JVM.
 */
package io.newsframe.text;
