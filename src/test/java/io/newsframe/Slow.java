package io.newsframe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that runs whole pipelines or reads the real corpora in ../shared: minutes,
 * not seconds. The README's test command runs them with the rest; {@code -DexcludedGroups=slow}
 * leaves them out of a quick loop while changing code.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {
  String TAG = "slow";
}
