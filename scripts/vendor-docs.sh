#!/usr/bin/env bash
# Vendor Swagger UI, for the API page /docs, at a pinned version into static/vendor/swagger-ui/
# (a classroom may be offline, and the Content-Security-Policy allows no CDN). Only the bundle,
# its CSS and the LICENSE are kept; the page's init code is ours, in static/docs/init.js.
set -euo pipefail
cd "$(dirname "$0")/.."
SWAGGER_UI_VERSION=5.35.0
dest=static/vendor/swagger-ui
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "swagger-ui-dist@$SWAGGER_UI_VERSION" >/dev/null)
tar -xzf "$tmp/swagger-ui-dist-$SWAGGER_UI_VERSION.tgz" -C "$tmp"
rm -rf "$dest" && mkdir -p "$dest"
cp "$tmp/package/swagger-ui-bundle.js" "$tmp/package/swagger-ui.css" "$tmp/package/LICENSE" "$dest/"
# The source maps are not shipped: drop the comments that point browsers' dev tools at them.
sed -i -E '/^\/[*\/]# sourceMappingURL=/d' "$dest/swagger-ui-bundle.js" "$dest/swagger-ui.css"
echo "$SWAGGER_UI_VERSION" >"$dest/VERSION"
echo "vendored Swagger UI $SWAGGER_UI_VERSION into $dest ($(du -sh "$dest" | cut -f1))"
