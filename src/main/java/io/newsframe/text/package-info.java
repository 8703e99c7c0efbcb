/** Small pure helpers on strings that several stages share: normalization, line keys, stop words. */
package io.newsframe.text;
