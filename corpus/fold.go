package corpus

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Search folds accents as fzf does: "zurich" finds "Zürich", and so does
// "zürich". A letter is folded to the base letter of its canonical
// decomposition when the rest of that decomposition is accents, so letters
// of other scripts, and Latin letters with no accent, are left alone.

// foldExtra are Latin letters whose stroke or slash is not a combining
// mark, so that no decomposition removes it.
var foldExtra = map[rune]rune{
	'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ħ': 'h', 'Ħ': 'H', 'ı': 'i',
}

// foldRune gives the letter r stands for without its accent; drop is true
// for a combining accent on its own, which folds to nothing.
func foldRune(r rune) (folded rune, drop bool) {
	if r < utf8.RuneSelf {
		return r, false
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, true
	}
	if f, ok := foldExtra[r]; ok {
		return f, false
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.Properties(utf8.AppendRune(buf[:0], r)).Decomposition()
	if len(d) == 0 {
		return r, false
	}
	base, size := utf8.DecodeRune(d)
	for rest := d[size:]; len(rest) > 0; {
		m, n := utf8.DecodeRune(rest)
		if !unicode.Is(unicode.Mn, m) {
			return r, false
		}
		rest = rest[n:]
	}
	return base, false
}

// fold returns s without its accents and, for each byte of the result,
// the offset in s of the letter it came from, so that matched letters can
// be lit in s. When nothing folds, it returns s itself and a nil map.
func fold(s string) (string, []int32) {
	if isASCII(s) {
		return s, nil
	}
	var (
		out     []byte
		at      []int32
		changed bool
	)
	for i, r := range s {
		f, drop := foldRune(r)
		if drop || f != r {
			changed = true
		}
		if drop {
			continue
		}
		n := len(out)
		out = utf8.AppendRune(out, f)
		for range len(out) - n {
			at = append(at, int32(i))
		}
	}
	if !changed {
		return s, nil
	}
	return string(out), at
}

// appendFoldLower appends w lower-cased and without accents.
func appendFoldLower(buf []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if f, drop := foldRune(unicode.ToLower(r)); !drop {
			buf = utf8.AppendRune(buf, f)
		}
	}
	return buf
}

// foldedFields are the accent-folded title, subtitle and speaker names of
// an article that has accents in them; an article without keeps none.
type foldedFields struct {
	title    string
	titleAt  []int32 // offset in Title of each byte of title
	dek      string
	speakers []string
}

// indexFolds folds the fields a query's fuzzy pass reads. Most articles
// are plain ASCII there and keep nothing.
func (a *Article) indexFolds() {
	a.folded = nil
	title, at := fold(a.Title)
	dek, dekAt := fold(a.Dek)
	changed := at != nil || dekAt != nil
	for _, s := range a.Speakers {
		changed = changed || !isASCII(s.Name)
	}
	if !changed {
		return
	}
	speakers := make([]string, len(a.Speakers))
	for i, s := range a.Speakers {
		speakers[i], _ = fold(s.Name)
	}
	a.folded = &foldedFields{title: title, titleAt: at, dek: dek, speakers: speakers}
}

func (a *Article) searchTitle() (string, []int32) {
	if a.folded == nil {
		return a.Title, nil
	}
	return a.folded.title, a.folded.titleAt
}

func (a *Article) searchDek() string {
	if a.folded == nil {
		return a.Dek
	}
	return a.folded.dek
}

func (a *Article) speakerName(i int) string {
	if a.folded == nil {
		return a.Speakers[i].Name
	}
	return a.folded.speakers[i]
}

// originalOffsets maps offsets in the folded title, in place, to the
// offsets in Title of the letters they came from.
func (a *Article) originalOffsets(offsets []int) []int {
	if _, at := a.searchTitle(); at != nil {
		for k, off := range offsets {
			offsets[k] = int(at[off])
		}
	}
	return offsets
}

// titleOffsets gives the offsets in Title of the folded title's bytes
// [lo, hi), one per letter.
func (a *Article) titleOffsets(lo, hi int) []int {
	_, at := a.searchTitle()
	var out []int
	for i := lo; i < hi; i++ {
		off := i
		if at != nil {
			off = int(at[i])
		}
		if len(out) == 0 || out[len(out)-1] != off {
			out = append(out, off)
		}
	}
	return out
}
