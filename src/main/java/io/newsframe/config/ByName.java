package io.newsframe.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds a settings record from values given by component name. A record of a dozen ints and
 * doubles built by position takes two swapped values silently; by name, a missing, unknown,
 * repeated or mistyped component fails when the configuration is loaded, naming the record and the
 * component. Every run loads every settings record, so any test that loads the configuration
 * checks every name.
 */
final class ByName<R extends Record> {
  private static final Map<Class<?>, Class<?>> BOXED = Map.of(int.class, Integer.class, long.class, Long.class,
      double.class, Double.class, boolean.class, Boolean.class);

  private final Class<R> type;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private ByName(Class<R> type) {
    this.type = type;
  }

  static <R extends Record> ByName<R> of(Class<R> type) {
    return new ByName<>(type);
  }

  /** Starts from every component of {@code record}: {@link #replace} then changes some. */
  static <R extends Record> ByName<R> from(R record) {
    @SuppressWarnings("unchecked")
    ByName<R> builder = new ByName<>((Class<R>) record.getClass());
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      builder.values.put(component.getName(), valueOf(component, record));
    }
    return builder;
  }

  /** Sets a component not set before. */
  ByName<R> set(String name, Object value) {
    if (values.containsKey(name)) {
      throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is set twice");
    }
    values.put(name, value);
    return this;
  }

  /** Changes a component already set (see {@link #from}). */
  ByName<R> replace(String name, Object value) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name + " set to replace");
    }
    values.put(name, value);
    return this;
  }

  R build() {
    RecordComponent[] components = type.getRecordComponents();
    var unknown = new TreeSet<>(values.keySet());
    Class<?>[] types = new Class<?>[components.length];
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      types[i] = components[i].getType();
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is not set");
      }
      arguments[i] = checked(name, types[i], values.get(name));
      unknown.remove(name);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component " + unknown);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The value, when it fits the component's type exactly (an int component takes an Integer, not a Long). */
  private Object checked(String name, Class<?> componentType, Object value) {
    Class<?> wanted = BOXED.getOrDefault(componentType, componentType);
    if (value == null ? componentType.isPrimitive() : !wanted.isInstance(value)) {
      throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is a " + componentType.getSimpleName()
          + ", given " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    return value;
  }

  private static Object valueOf(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
    }
  }
}
