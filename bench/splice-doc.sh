#!/usr/bin/env bash
# Sourced by the bench scripts: splice_doc DOC NAME FILE replaces the text between the lines
# '<!-- NAME:begin -->' and '<!-- NAME:end -->' of DOC with the contents of FILE (no-op when DOC
# lacks the markers).
splice_doc() {
    local doc="$1" name="$2" file="$3"
    [ -f "$doc" ] && grep -q "<!-- $name:begin -->" "$doc" || return 0
    python3 - "$doc" "$name" "$file" <<'PY'
import sys
doc, name, out = sys.argv[1], sys.argv[2], sys.argv[3]
s = open(doc).read(); t = open(out).read()
b, e = '<!-- %s:begin -->\n' % name, '<!-- %s:end -->' % name
i, j = s.index(b), s.index(e)
open(doc, 'w').write(s[:i + len(b)] + t + s[j:])
PY
}
