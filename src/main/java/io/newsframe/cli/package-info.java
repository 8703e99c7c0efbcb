/**
 * Entry points of the jobs/* launchers: they parse arguments and configuration, build the Spark
 * session, call the pipeline or run SQL, and print. A failure ends with a non-zero exit and one
 * line on stderr; {@code --verbose} adds the stack trace.
 */
package io.newsframe.cli;
