#!/usr/bin/env bash
# Vendor the explainer's one front-end library, KaTeX, at a pinned version, into
# static/vendor/katex/ (a classroom may be offline: no CDN at run time). Only the minified
# script, its CSS, the woff2 fonts and the LICENSE are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
KATEX_VERSION=0.16.47
dest=static/vendor/katex
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "katex@$KATEX_VERSION" >/dev/null)
rm -rf "$dest" && mkdir -p "$dest/fonts"
tar -xzf "$tmp/katex-$KATEX_VERSION.tgz" -C "$tmp"
cp "$tmp/package/dist/katex.min.js" "$tmp/package/dist/katex.min.css" "$tmp/package/LICENSE" "$dest/"
cp "$tmp"/package/dist/fonts/*.woff2 "$dest/fonts/"
# Only woff2 fonts are shipped: keep the CSS from asking for the woff/ttf copies.
sed -i -E 's/,url\([^)]*\.woff\) format\("woff"\)//g; s/,url\([^)]*\.ttf\) format\("truetype"\)//g' "$dest/katex.min.css"
echo "$KATEX_VERSION" >"$dest/VERSION"
echo "vendored KaTeX $KATEX_VERSION into $dest ($(du -sh "$dest" | cut -f1))"
