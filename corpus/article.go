package corpus

import (
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Article is one news story, parsed from sanitised text and analysed.
// Every string in it has been through Sanitize.
type Article struct {
	ID         string   // stable, from the file name without its extension
	Path       string   // where it was loaded from ("seeds/…" for the embedded ones)
	Title      string   // first non-empty line, genre tag removed
	Dek        string   // subtitle, when the second line is one
	Dateline   string   // place, such as "BERLIN", when the article gives one
	Date       string   // such as "1 August 2021", when the article gives one
	Genre      string   // such as "Opinion", from a trailing "(Opinion)" on the title
	Paragraphs []string // body paragraphs, one per non-empty line

	// Set for articles from the web (see FromWeb); empty for files.
	URL       string    // the page the article was read from (http or https only)
	Byline    string    // such as "By Jane Doe"
	Outlet    string    // the site or feed that published it
	Published time.Time // zero when unknown

	Quotes   []Quote   // every statement, in article order
	Speakers []Speaker // everyone quoted, in order of first quote
	Debate   []Pair    // accusations paired with the responses they drew
	Accuser  string    // the party that accuses, if the article has one
	Accused  string    // the party that answers, if the article has one
	Words    int       // words in the body

	words    string        // distinct body words for search, see indexWords
	wordEnds [27]uint32    // where each first letter's words end in words
	prefixes prefixBitset  // which two-letter word starts the body has
	folded   *foldedFields // title, subtitle and speakers without accents, if they have any

	// accusedPeople are the surnames of the accused side's people, kept
	// from the sides to the roles and dropped after.
	accusedPeople []string
	// leadCharge is what the lead says the accused did ("of poaching its
	// drivers"), in lower case, kept for the roles and dropped after.
	leadCharge string
}

var (
	genreRe    = regexp.MustCompile(`\s*\((Opinion|Analysis|Editorial|Commentary|Op-Ed|Review|Interview|Explainer|Comment|Feature|Letter)\)\s*$`)
	dateRe     = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})$`)
	datelineRe = regexp.MustCompile(`^[A-Z][A-Z .'-]{1,30}[A-Z](?:,\s*[A-Z][A-Za-z .'-]{1,30})?$`)
	// datelinePrefixRe finds "BEIJING:" or "BEIJING •" opening the first paragraph.
	datelinePrefixRe = regexp.MustCompile(`^([A-Z][A-Z .'-]{1,30}[A-Z])\s*[:•—–-]\s+\S`)
	boilerplateRe    = regexp.MustCompile(`(?i)^(source link|sign up\b|subscribe\b|read more\b|related:|share this\b|follow us\b|advertisement$|click here\b|copyright\b|©|all rights reserved)`)
)

// maxDekWords is the longest line taken for a subtitle; a longer second line
// is the first paragraph.
const maxDekWords = 30

// maxDekBytes bounds a subtitle's length in bytes too: thirty words of
// news, in any script, fit in it.
const maxDekBytes = 600

// Parse builds an Article from sanitised text. It never fails: an empty text
// gives an article with no title, which the loader reports and skips.
func Parse(id, path, text string) *Article {
	a := &Article{ID: id, Path: path}
	lines := nonEmptyLines(text)
	if len(lines) == 0 {
		return a
	}
	a.Title = lines[0]
	// The pattern can only match a title ending in ")" (and \s): the
	// check spares running it, unanchored, over every other title.
	if strings.HasSuffix(strings.TrimRight(a.Title, " \t\n\f\r"), ")") {
		if m := genreRe.FindStringSubmatchIndex(a.Title); m != nil {
			a.Genre = a.Title[m[2]:m[3]]
			a.Title = a.Title[:m[0]]
		}
	}
	lines = lines[1:]
	if isLeadParagraph(a.Title) {
		// No headline: the first line is the lead paragraph itself, whose
		// quotations are statements like any other paragraph's.
		lines = append([]string{a.Title}, lines...)
	}
	if len(lines) > 1 && isDek(lines[0]) {
		a.Dek, lines = lines[0], lines[1:]
	}
	a.parseBody(lines)
	return a
}

// TitleIsLead reports whether the article had no headline: its first line
// was the lead paragraph, which is then both its title (for lists) and its
// first paragraph (for reading), and a reader shows it once.
func (a *Article) TitleIsLead() bool {
	return len(a.Paragraphs) > 0 && a.Paragraphs[0] == a.Title
}

// parseBody reads the lines after the title block: date and dateline lines,
// the body paragraphs, site furniture at the end. Files and web articles
// both go through it.
func (a *Article) parseBody(lines []string) {
	// Date and dateline lines come right after the title block, in either order.
	for len(lines) > 1 {
		switch {
		case a.Date == "" && isDate(lines[0]):
			a.Date = lines[0]
		case a.Dateline == "" && isDateline(lines[0]):
			a.Dateline = lines[0]
		default:
			goto body
		}
		lines = lines[1:]
	}
body:
	lines = dropBoilerplate(lines)
	// "BEIJING: China on Monday …" may open any of the first paragraphs,
	// after a standfirst.
	for _, l := range lines[:min(3, len(lines))] {
		if a.Dateline != "" {
			break
		}
		if !capitalPair(l) {
			continue // most paragraphs: no run of capitals opens them
		}
		if m := datelinePrefixRe.FindStringSubmatch(firstChars(l, 40)); m != nil && !labelRe.MatchString(l) || m != nil && isAllCaps(m[1]) {
			a.Dateline = m[1]
		}
	}
	a.Paragraphs = lines
	for _, p := range lines {
		a.Words += countWords(p)
	}
}

// Analyse finds the article's statements, speakers, sides and debate.
func (a *Article) Analyse() {
	analyse(a, true, true)
}

// IDFromPath gives the stable article ID for a file: its base name without
// the extension, sanitised.
func IDFromPath(path string) string {
	base := filepath.Base(path)
	return SanitizeLine(strings.TrimSuffix(base, filepath.Ext(base)))
}

func nonEmptyLines(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		out = appendParagraphs(out, strings.TrimSpace(line))
	}
	return out
}

// isLeadParagraph reports whether a first line is a paragraph rather than
// a headline: longer than any subtitle, and a finished sentence.
func isLeadParagraph(line string) bool {
	if countWords(line) <= maxDekWords {
		return false
	}
	t := strings.TrimRight(line, "”\"’' ")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")
}

// isDek tells a subtitle from a first paragraph: short, and not a finished
// sentence (a subtitle rarely ends with a full stop).
func isDek(line string) bool {
	if isDate(line) || isDateline(line) {
		return false
	}
	if countWords(line) > maxDekWords || len(line) > maxDekBytes {
		return false // a run of text without spaces is no subtitle either
	}
	last := line[len(line)-1]
	return !strings.ContainsRune(".!?\"", rune(last)) && !strings.HasSuffix(line, "”")
}

// dropBoilerplate removes the site furniture that scraped articles end with
// ("Source link", "Sign up for …"): only trailing lines, so an article that
// mentions subscribing in its body keeps that paragraph.
func dropBoilerplate(lines []string) []string {
	for len(lines) > 1 && mayBeBoilerplate(lines[len(lines)-1]) && boilerplateRe.MatchString(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func firstChars(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// isDate matches dateRe (by matchDate, which gives its answers). Every
// date it takes ends with a digit, and most lines tried are paragraphs
// that do not: they are ruled out first.
func isDate(line string) bool {
	return line != "" && '0' <= line[len(line)-1] && line[len(line)-1] <= '9' && matchDate(line)
}

// isDateline matches datelineRe, which needs a capital and then a capital,
// space, dot, apostrophe or hyphen ("BEIJING", "ST. LOUIS"): a paragraph's
// "Word" is ruled out before the regular expression.
func isDateline(line string) bool {
	return capitalPair(line) && datelineRe.MatchString(line)
}

// capitalPair reports whether a line opens as datelineRe and
// datelinePrefixRe need: three bytes or more, a capital, then a capital,
// space, dot, apostrophe or hyphen.
func capitalPair(line string) bool {
	return len(line) >= 3 && 'A' <= line[0] && line[0] <= 'Z' && strings.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZ .'-", line[1]) >= 0
}
