package io.newsframe.config;

/** The built-in sample corpus. */
public record SampleSettings(String dir, int articles, long seed) {}
