package io.newsframe.config;

import java.time.Duration;

/**
 * When stages set to reuse the latest model ({@code model = latest}) fit a new one instead:
 * always when {@code retrain} (--retrain), and when the model to reuse was fitted at least
 * {@code retrainEvery} before the run date (zero: never for age).
 */
public record ModelSettings(Duration retrainEvery, boolean retrain) {}
