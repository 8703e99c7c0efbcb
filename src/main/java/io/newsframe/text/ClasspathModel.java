package io.newsframe.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A model file shipped in a jar, read once per JVM on first use: OpenNLP's models are thread-safe
 * once loaded, and loading one costs far more than a task's share of work.
 *
 * @param <T> the loaded model
 */
public final class ClasspathModel<T> {
  /** Reads a model from its stream. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private final String resource;
  private final Reader<T> reader;
  private volatile T model;

  public ClasspathModel(String resource, Reader<T> reader) {
    this.resource = resource;
    this.reader = reader;
  }

  public T get() {
    T loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          try (InputStream in = ClasspathModel.class.getResourceAsStream(resource)) {
            if (in == null) {
              throw new IllegalStateException("model " + resource + " is not on the classpath");
            }
            loaded = reader.read(in);
            model = loaded;
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
          }
        }
      }
    }
    return loaded;
  }
}
