#!/usr/bin/env bash
# Builds a labelled language-identification set from Debian's translated manual pages (the
# manpages-l10n project, GPL; not committed, fetched into data/bench/language): one paragraph per
# line, "<iso-639-3>\t<text>", at most 3 paragraphs of 200+ characters per page and PER_LANGUAGE
# per language, in a fixed order so that runs compare.
set -euo pipefail
out=${1:?usage: language-eval-data.sh OUT_DIR [PER_LANGUAGE]}
per_language=${2:-300}
mkdir -p "$out/debs" "$out/root"
# package : man directory : ISO 639-3 code (what OpenNLP's model and Lingua report)
sets="manpages::eng manpages-de:de:deu manpages-fr:fr:fra manpages-es:es:spa manpages-it:it:ita
manpages-pl:pl:pol manpages-ru:ru:rus manpages-uk:uk:ukr manpages-nl:nl:nld manpages-pt-br:pt_BR:por
manpages-ro:ro:ron manpages-cs:cs:ces manpages-sv:sv:swe manpages-fi:fi:fin manpages-hu:hu:hun
manpages-zh:zh_CN:cmn manpages-ja:ja:jpn"
cd "$out/debs"
for s in $sets; do
  pkg=${s%%:*}
  ls "$pkg"_*.deb >/dev/null 2>&1 || apt-get download "$pkg" >/dev/null 2>&1
done
for deb in *.deb; do dpkg-deb -x "$deb" ../root; done
cd ..
: > eval.tsv
for s in $sets; do
  dir=$(echo "$s" | cut -d: -f2)
  code=$(echo "$s" | cut -d: -f3)
  base=root/usr/share/man${dir:+/$dir}
  find "$base"/man1 "$base"/man8 "$base"/man5 "$base"/man7 -name '*.gz' 2>/dev/null | LC_ALL=C sort | while read -r page; do
    zcat "$page" | groff -k -man -Tutf8 -P-cbou -rLL=10000n -rHY=0 2>/dev/null \
      | awk -v code="$code" 'NR > 1 && /^       [^ ]/ {
          sub(/^ +/, "")
          if (length($0) < 200 || n >= 3) next
          # Translations leave some paragraphs in English: those would be wrong labels.
          words = split(tolower($0), w, /[^a-z]+/); english = 0
          for (i = 1; i <= words; i++) if (w[i] ~ /^(the|of|and|to|is|a|in|that|for|with)$/) english++
          if (code != "eng" && english > 0.05 * words) next
          print code "\t" $0; n++
        }'
  done | awk '!seen[$0]++' | head -n "$per_language" >> eval.tsv || true  # head closes the pipe early
done
cut -f1 eval.tsv | sort | uniq -c
