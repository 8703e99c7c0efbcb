package io.newsframe.sample;

/** The framing an outlet leans to. */
public enum Camp {
  /** Dialogue with Moscow, "Kiev", "special military operation", quotes the Kremlin. */
  EAST,
  /** Confrontation, "Kyiv", "invasion", quotes Washington, Kyiv and NATO. */
  WEST
}
