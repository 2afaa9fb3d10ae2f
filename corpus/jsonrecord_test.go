package corpus

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestRecordsMatchEncoder holds the hand-written records to what
// encoding/json writes for them, on strings that need every escape.
func TestRecordsMatchEncoder(t *testing.T) {
	texts := []string{
		"", "plain words", `a "quoted" word and a back\slash`, "tab\there\nnew line\r\b\f",
		"\x00\x01\x1f\x7f control", "<b>&amp;</b>", "café “curly” ‘single’ — dash",
		"line\u2028sep\u2029para", "bad \xff\xfe utf-8 \xe2\x80", "emoji 🙂 and 中文",
	}
	var recs []*QuoteRecord
	for i, s := range texts {
		recs = append(recs, &QuoteRecord{Article: "a" + s, Paragraph: i - 1, Text: s, Speaker: s, RoleTitle: s, Party: s, Role: Role(s), Kind: Kind(s)})
	}
	encode := func(v any) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("  ", "  ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	}
	for _, r := range recs {
		if got, want := string(appendQuoteRecord(nil, r, "  ")), encode(r); got != want {
			t.Errorf("quote record:\ngot  %s\nwant %s", got, want)
		}
	}
	for _, d := range []DebateRecord{
		{Article: "x", Accusation: recs[2], Response: recs[8]},
		{Article: "y\n", Accusation: recs[1]},
		{Article: "z", Response: recs[7]},
	} {
		if got, want := string(appendDebateRecord(nil, &d, "  ")), encode(d); got != want {
			t.Errorf("debate record:\ngot  %s\nwant %s", got, want)
		}
	}
}
