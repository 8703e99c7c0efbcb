package io.newsframe.config;

/**
 * What a run reads. {@code idRoot} is the folder that derived record ids are taken relative to
 * (empty: the file system's root), so that a tree moved with its root keeps its ids.
 */
public record InputSettings(String uri, InputFormat format, FieldMapping fields, String idRoot) {}
