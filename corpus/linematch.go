package corpus

// Matchers for the lines Parse looks at in every article, written out where
// a regular expression was a measurable share of the analysis.

import (
	"strings"
	"unicode/utf8"
)

// matchDate is dateRe.MatchString written out: a date line is looked for
// at the top of every article, and the pattern's backtracking was a
// hundredth of the analysis. dateRe stays the definition; a test holds the
// two to the same answers.
func matchDate(s string) bool {
	for _, day := range weekdays {
		if strings.HasPrefix(s, day) {
			rest := strings.TrimPrefix(s[len(day):], ",")
			if n := spaceRun(rest); n > 0 {
				s = rest[n:]
			}
			break // no date opens with a weekday's name
		}
	}
	return dayMonthYear(s) || monthDayYear(s) || isoDate(s)
}

var (
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// dayMonthYear matches `\d{1,2}\s+MONTH\s+\d{4}$`.
func dayMonthYear(s string) bool {
	d := digitRun(s)
	if d < 1 || d > 2 {
		return false
	}
	s = s[d:]
	n := spaceRun(s)
	if n == 0 {
		return false
	}
	m := monthAt(s[n:])
	if m == 0 {
		return false
	}
	return spacedYear(s[n+m:])
}

// monthDayYear matches `MONTH\s+\d{1,2},?\s+\d{4}$`.
func monthDayYear(s string) bool {
	m := monthAt(s)
	if m == 0 {
		return false
	}
	s = s[m:]
	n := spaceRun(s)
	if n == 0 {
		return false
	}
	s = s[n:]
	d := digitRun(s)
	if d < 1 || d > 2 {
		return false
	}
	return spacedYear(strings.TrimPrefix(s[d:], ","))
}

// spacedYear matches `\s+\d{4}$`, the year that ends both written dates.
func spacedYear(s string) bool {
	n := spaceRun(s)
	return n > 0 && len(s) == n+4 && digitRun(s[n:]) == 4
}

// isoDate matches `\d{4}-\d{2}-\d{2}$`.
func isoDate(s string) bool {
	return len(s) == 10 && digitRun(s[:4]) == 4 && s[4] == '-' && digitRun(s[5:7]) == 2 && s[7] == '-' && digitRun(s[8:]) == 2
}

// monthAt is the length of the month's name s opens with, or 0.
func monthAt(s string) int {
	for _, m := range months {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	return 0
}

// digitRun is how many ASCII digits s opens with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}

// spaceRun is how many bytes of \s (tab, newline, form feed, carriage
// return, space) s opens with.
func spaceRun(s string) int {
	n := 0
	for n < len(s) && (s[n] == ' ' || s[n] == '\t' || s[n] == '\n' || s[n] == '\f' || s[n] == '\r') {
		n++
	}
	return n
}

// mayBeBoilerplate rules out, before the pattern, a line whose first byte
// opens none of boilerplateRe's phrases in any case: those start with s,
// r, f, a or c, or a multi-byte rune (©, and ſ, which folds to s).
func mayBeBoilerplate(line string) bool {
	return line != "" && (line[0] >= utf8.RuneSelf || strings.IndexByte("sSrRfFaAcC", line[0]) >= 0)
}
