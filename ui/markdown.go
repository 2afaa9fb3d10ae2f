package ui

import (
	"strings"
	"unicode/utf8"
)

// Article text is handed to Glamour as Markdown, so everything in it that
// Markdown would read as markup is made literal here, and the text is
// prepared for Glamour's wrapping.

// inlineEscaped are the characters that can start a construct anywhere in
// a line: code, emphasis, HTML and autolinks, and backslash escapes.
// Glamour shows them literally after a backslash. Others are escaped only
// where they matter (at the start of a paragraph), because each escape
// splits Glamour's text into pieces and can upset its word wrap.
const inlineEscaped = "\\`*_<"

// escapeMarkdown makes article text literal in Markdown: what could start
// a construct is escaped, & and ~ (entities, strikethrough) become
// entities, and "www." loses its autolink.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	b.WriteString(escapeLineStart(&s))
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '~':
			b.WriteString("&#126;")
		case r < utf8.RuneSelf && strings.ContainsRune(inlineEscaped, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteString("\\.")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeLineStart escapes what makes a block when it opens a line: a
// heading, quote, list item, thematic break, code fence, table row or link
// definition. It consumes what it wrote from *s.
func escapeLineStart(s *string) string {
	t := *s
	if t == "" {
		return ""
	}
	if strings.ContainsRune("#>-+*=|[:!", rune(t[0])) {
		*s = t[1:]
		return "\\" + t[:1]
	}
	// "1." and "1)" start an ordered list.
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')') {
		*s = t[n+1:]
		return t[:n] + "\\" + t[n:n+1]
	}
	return ""
}

// keepLastWordsTogether binds a paragraph's last two words with a no-break
// space, so that wrapping never leaves one word alone on the last line
// (Glamour's wrapper, like ansi.Wrap, breaks only at ordinary spaces). A
// last word that is only punctuation (a lone ”) is bound the same way.
func keepLastWordsTogether(p string) string {
	t := strings.TrimRight(p, " ")
	i := strings.LastIndexByte(t, ' ')
	if i <= 0 || strings.Count(t, " ") < 3 || len(t)-i > 30 {
		return p
	}
	return t[:i] + "\u00a0" + t[i+1:]
}
