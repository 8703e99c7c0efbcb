package io.newsframe.config;

/** What a run reads. */
public record InputSettings(String uri, InputFormat format, FieldMapping fields) {}
