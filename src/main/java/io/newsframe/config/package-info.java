/**
 * The typed configuration of newsframe: {@code conf/local.conf} holds every key with its default; a
 * user file and {@code --set} overrides are laid over it and checked once at start-up, so a typo or
 * a wrong type stops the run with one line that names the key and where it came from.
 */
package io.newsframe.config;
