package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// hostileShapes are texts shaped to make a stage of the analysis do more
// than linear work: each is the body of an article, built to about size
// bytes by repeating a unit. Each shape is a benchmark at several sizes
// (BenchmarkHostile, whose ns/B must stay flat as the size grows) and a
// seed of FuzzLoad.
var hostileShapes = map[string]string{
	"single-quote-openers":  "'a ",
	"curly-single-openers":  "‘a ",
	"double-quote-openers":  "\"a ",
	"curly-double-openers":  "“a ",
	"curly-double-closers":  "a” ",
	"alternating-curly":     "“a” ",
	"unclosed-guillemets":   "«a ",
	"apostrophes":           "don’t ",
	"one-long-word":         "a",
	"no-spaces-punctuation": "a,",
	"capitalised-run":       "Alpha ",
	"name-pairs":            "Maren Voss ",
	"said-chain":            "said ",
	"name-said":             "Voss said “x.” ",
	"role-said":             "The spokesman said “x.” ",
	"titles-run":            "Minister ",
	"colons":                "A: ",
	"transcript-labels":     "\nQ: x\nA: y",
	"empty-lines":           "\n",
	"one-letter-lines":      "a\n",
	"sentence-stops":        "a. ",
	"abbreviations":         "Mr. ",
	"ellipses":              "… ",
	"dashes":                "— ",
	"brackets":              "[",
	"parentheses":           "(a ",
	"combining-marks":       "a\u0301\u0302\u0303",
	"bidi-controls":         "\u202ea\u202c",
	"escape-sequences":      "\x1b[31ma",
	"invalid-utf8":          "\xff\xfe",
	"cjk":                   "中文",
	"emoji":                 "👍🏽 ",
	"distinct-words":        "", // filled by hostileText: w1 w2 w3 …
	"numbers":               "2024 ",
	"urls":                  "https://example.org/a/b ",
	"hashtags":              "#a @b ",
	"accusation-words":      "accused denied rejected ",
	"gazetteer-names":       "China Russia United States ",
	"quote-per-line":        "\n“a,” Voss said.",
	"transcript-follow-ups": "\nQ: Was it fraud?\nA: No.\nQ: And then?\nA: Yes.",
	"transcript-no-asker":   "\nLEE: x.\nKIM: y.",
	// Generated units, each naming someone new (hostileUnit).
	"distinct-speakers":         "",
	"distinct-people-spokesman": "",
	"distinct-labels":           "",
	"distinct-labels-people":    "",
	"distinct-org-spokesmen":    "",
	"distinct-orgs":             "",
	"distinct-one-word-parties": "",
}

// hostileUnit is the i-th unit of a generated shape: thousands of
// distinct one-word parties, people named before "the spokesman" speaks,
// transcript labels.
func hostileUnit(shape string, i int) string {
	name := distinctName(i)
	switch shape {
	case "distinct-speakers":
		return name + " said “x.” "
	case "distinct-people-spokesman":
		return "Maren " + name + " met. The spokesman said “x.” "
	case "distinct-labels":
		return "\n" + strings.ToUpper(name) + ": x."
	case "distinct-labels-people":
		return "\n" + strings.ToUpper(name) + ": Maren " + name + " said no."
	case "distinct-org-spokesmen":
		return name + " spokesman Lee " + name + " said “x.” "
	case "distinct-one-word-parties":
		return "“x,” said Lee " + name + " of " + name + "x. "
	case "distinct-orgs":
		return name + " Group said “x.” "
	}
	return fmt.Sprintf("w%d ", i)
}

// distinctName is a capitalised word of letters, a different one for
// each i: "Ba", "Ca", … "Baba".
func distinctName(i int) string {
	const consonants = "bcdfghjklmnprstvz"
	var b []byte
	for {
		b = append(b, consonants[i%len(consonants)], "aeiou"[i/len(consonants)%5])
		i /= len(consonants) * 5
		if i == 0 {
			break
		}
	}
	b[0] -= 'a' - 'A'
	return string(b)
}

// hostileText builds the article of a shape at about size bytes.
func hostileText(shape string, size int) string {
	var b strings.Builder
	b.WriteString("Hostile title\n\n")
	unit := hostileShapes[shape]
	for i := 0; b.Len() < size; i++ {
		if unit == "" {
			b.WriteString(hostileUnit(shape, i))
			continue
		}
		b.WriteString(unit)
	}
	b.WriteString("\n")
	return b.String()
}

func analyseText(text string) *Article {
	t, err := decodeText([]byte(text))
	if err != nil {
		return nil
	}
	a := Parse("h", "h.txt", t)
	a.Analyse()
	return a
}

// BenchmarkHostile is the analysis cost per byte of each hostile shape at
// 16, 64 and 256 KiB: a stage that is not linear shows as cpu-ns/B that
// grows with the size.
func BenchmarkHostile(b *testing.B) {
	for shape := range hostileShapes {
		for _, size := range []int{16 << 10, 64 << 10, 256 << 10} {
			text := hostileText(shape, size)
			b.Run(fmt.Sprintf("shape=%s/size=%dK", shape, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				before := cpuTime()
				for b.Loop() {
					analyseText(text)
				}
				// CPU time, not wall time: on a busy machine the wall
				// clock measures the neighbours.
				b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/float64(len(text)), "cpu-ns/B")
			})
		}
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Every hostile shape loads, and stays terminal-safe, at a small size.
func TestHostileShapesLoad(t *testing.T) {
	for shape := range hostileShapes {
		start := time.Now()
		if a := analyseText(hostileText(shape, 4<<10)); a != nil {
			checkArticle(t, a)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: 4 KiB took %v", shape, d)
		}
	}
}

func TestLongLinesAreCutIntoParagraphs(t *testing.T) {
	sentence := "The committee met again today. "
	long := strings.Repeat(sentence, 3*maxParagraph/len(sentence))
	a := Parse("x", "x", "Title\n\n"+long+"\n")
	if len(a.Paragraphs) < 3 {
		t.Fatalf("%d paragraphs, want the line cut in at least 3", len(a.Paragraphs))
	}
	total := 0
	for _, p := range a.Paragraphs {
		if len(p) > maxParagraph {
			t.Errorf("paragraph of %d bytes", len(p))
		}
		if !strings.HasSuffix(p, "today.") {
			t.Errorf("cut inside a sentence: …%q", p[max(0, len(p)-20):])
		}
		total += len(p) + 1
	}
	if total != len(strings.TrimSpace(long))+1 {
		t.Errorf("%d bytes kept of %d", total, len(long))
	}
	// No space at all: cut between runes, never inside one.
	a = Parse("x", "x", "Title\n\n"+strings.Repeat("ü", maxParagraph)+"\n")
	if a.Dek != "" {
		t.Errorf("the first piece of a cut line was taken for a subtitle")
	}
	for _, p := range a.Paragraphs {
		if !utf8.ValidString(p) {
			t.Fatalf("a cut split a rune")
		}
	}
}

// TestWriteHostileCorpus writes the hostile shapes as a corpus to load
// with the real program (`counterpoint quotes --json DIR` under
// /usr/bin/time -v): each shape at 64 KiB, 1 MiB and 4 MiB. It runs only
// when COUNTERPOINT_HOSTILE_DIR names the folder to write.
func TestWriteHostileCorpus(t *testing.T) {
	dir := os.Getenv("COUNTERPOINT_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set COUNTERPOINT_HOSTILE_DIR to write the hostile corpus")
	}
	for shape := range hostileShapes {
		for _, size := range []int{64 << 10, 1 << 20, DefaultMaxFileSize - 1024} {
			name := filepath.Join(dir, fmt.Sprintf("%s-%dK.txt", shape, size>>10))
			if err := os.WriteFile(name, []byte(hostileText(shape, size)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
