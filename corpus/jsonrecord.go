package corpus

import (
	"strconv"
	"unicode/utf8"
)

// The records of `quotes --json` and `debate --json` are written by hand,
// byte for byte as encoding/json's Encoder writes them with SetIndent("  ",
// "  ") and no HTML escaping (jsonrecord_test.go holds the two together):
// the Encoder marshals, then re-scans its output to indent it, which was a
// tenth of the CPU of `quotes --json`.

// appendQuoteRecord appends r as an indented object whose closing brace
// stands at indent; nil is null.
func appendQuoteRecord(dst []byte, r *QuoteRecord, indent string) []byte {
	if r == nil {
		return append(dst, "null"...)
	}
	in := indent + "  "
	dst = append(dst, '{')
	dst = appendKey(dst, in, "article", true)
	dst = appendJSONString(dst, r.Article)
	dst = appendKey(dst, in, "paragraph", false)
	dst = strconv.AppendInt(dst, int64(r.Paragraph), 10)
	dst = appendKey(dst, in, "text", false)
	dst = appendJSONString(dst, r.Text)
	dst = appendKey(dst, in, "speaker", false)
	dst = appendJSONString(dst, r.Speaker)
	dst = appendKey(dst, in, "role_title", false)
	dst = appendJSONString(dst, r.RoleTitle)
	dst = appendKey(dst, in, "party", false)
	dst = appendJSONString(dst, r.Party)
	dst = appendKey(dst, in, "role", false)
	dst = appendJSONString(dst, string(r.Role))
	dst = appendKey(dst, in, "kind", false)
	dst = appendJSONString(dst, string(r.Kind))
	dst = append(dst, '\n')
	dst = append(dst, indent...)
	return append(dst, '}')
}

// appendDebateRecord appends r as an indented object whose closing brace
// stands at indent.
func appendDebateRecord(dst []byte, r *DebateRecord, indent string) []byte {
	in := indent + "  "
	dst = append(dst, '{')
	dst = appendKey(dst, in, "article", true)
	dst = appendJSONString(dst, r.Article)
	dst = appendKey(dst, in, "accusation", false)
	dst = appendQuoteRecord(dst, r.Accusation, in)
	dst = appendKey(dst, in, "response", false)
	dst = appendQuoteRecord(dst, r.Response, in)
	dst = append(dst, '\n')
	dst = append(dst, indent...)
	return append(dst, '}')
}

// appendKey starts a member on its own line.
func appendKey(dst []byte, indent, key string, first bool) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = append(dst, '\n')
	dst = append(dst, indent...)
	dst = append(dst, '"')
	dst = append(dst, key...)
	return append(dst, '"', ':', ' ')
}

// appendJSONString quotes s as encoding/json does without HTML escaping:
// quote, backslash and control bytes escaped, invalid UTF-8 as U+FFFD, and
// U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i = skipJSONPlain(s, i+1)
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
