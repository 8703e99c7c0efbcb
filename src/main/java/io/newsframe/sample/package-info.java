/**
 * The sample-corpus generator: a seeded, deterministic synthetic corpus about Russia–United States
 * relations in the shapes of real scrapes (site chrome, comment forms, teasers, datelines, dates in
 * many styles, syndicated and exact copies, bad files), with the truth for every record written
 * beside it. Depends on nothing else in newsframe.
 */
package io.newsframe.sample;
