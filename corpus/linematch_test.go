package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// matchDate gives dateRe's answer: dates of every form, with and without
// a weekday, and near misses of each part.
func TestMatchDateIsDateRe(t *testing.T) {
	var lines []string
	days := []string{"", "Monday ", "Tuesday, ", "Sunday,  ", "Friday", "Fri ", "Mondays ", "Thursday,\t", "Wednesday,"}
	dates := []string{
		"3 March 2024", "12 May 2023", "123 May 2023", " 3 March 2024", "3March 2024", "3 March2024",
		"3 March 24", "3 March 20245", "3 march 2024", "03 December  1999", "3 Marc 2024",
		"March 3, 2024", "March 3 2024", "March 33, 2024", "March 333, 2024", "March 3,2024",
		"March 3,, 2024", "May 1, 2024 ", "June\t30,\r2020", "Julyy 4, 1776", "July 4, 1776.",
		"2024-03-05", "2024-3-05", "2024-03-5", "20240-03-05", "2024-03-050", "2024/03/05",
		"", "Monday", "3", "May", "2024",
	}
	for _, d := range days {
		for _, x := range dates {
			lines = append(lines, d+x)
		}
	}
	for _, l := range lines {
		if got, want := matchDate(l), dateRe.MatchString(l); got != want {
			t.Errorf("%q: matchDate %v, dateRe %v", l, got, want)
		}
	}
}

// FuzzMatchDate: any line gets dateRe's answer.
func FuzzMatchDate(f *testing.F) {
	for _, s := range []string{"Tuesday, 3 March 2024", "March 3, 2024", "2024-03-05", "Sunday 12 May  2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := matchDate(l), dateRe.MatchString(l); got != want {
			t.Fatalf("%q: matchDate %v, dateRe %v", l, got, want)
		}
	})
}

// mayBeBoilerplate passes every line boilerplateRe takes: each phrase's
// tail after any first byte or rune that folds to its first letter.
func TestMayBeBoilerplateKeepsEveryMatch(t *testing.T) {
	phrases := []string{"source link", "sign up", "subscribe", "read more", "related:", "share this", "follow us", "advertisement", "click here", "copyright", "©", "all rights reserved"}
	for _, p := range phrases {
		_, size := utf8.DecodeRuneInString(p)
		tail := p[size:]
		for r := rune(0); r < 0x3000; r++ {
			if r == utf8.RuneError {
				continue
			}
			line := string(r) + tail + " to us"
			if boilerplateRe.MatchString(line) && !mayBeBoilerplate(line) {
				t.Errorf("%q: boilerplate, but ruled out", line)
			}
		}
		if !mayBeBoilerplate(strings.ToUpper(p)) {
			t.Errorf("%q: ruled out", strings.ToUpper(p))
		}
	}
	if mayBeBoilerplate("The minister said.") {
		t.Error("a sentence opening The should be ruled out")
	}
}
