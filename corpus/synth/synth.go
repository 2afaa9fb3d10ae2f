// Package synth generates synthetic news articles for benchmarks and load
// tests: 400 to 900 words each, with 3 to 10 attributed quotations in the
// forms real news uses. The text is invented; no real article is copied.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var (
	firstNames = []string{"Maren", "Tomas", "Ilse", "Rafael", "Ayumi", "Kwame", "Lena", "Oskar", "Priya", "Dmitri", "Sofia", "Jonah", "Amara", "Henrik", "Yusuf", "Clara"}
	lastNames  = []string{"Voss", "Okafor", "Lindqvist", "Marchetti", "Tanaka", "Bergmann", "Castillo", "Novak", "Haddad", "Kowalski", "Ferreira", "Achterberg", "Sorensen", "Mbeki", "Quint", "Dalgaard"}
	parties    = [][2]string{
		{"Germany", "German"}, {"France", "French"}, {"Japan", "Japanese"}, {"Brazil", "Brazilian"},
		{"Canada", "Canadian"}, {"India", "Indian"}, {"Norway", "Norwegian"}, {"Poland", "Polish"},
		{"Australia", "Australian"}, {"Mexico", "Mexican"}, {"Turkey", "Turkish"}, {"Egypt", "Egyptian"},
	}
	titles  = []string{"Foreign Ministry spokesperson", "Defence Minister", "cyber envoy", "Interior Minister", "government spokesman"}
	filler  = strings.Fields("the agency said networks were probed over several months while analysts reviewed logs from servers in three regions and officials briefed lawmakers on the findings which remain disputed by outside researchers who examined the same data and reached different conclusions about the timing scale and origin of the intrusions that affected ministries utilities and private firms across the region")
	accuse  = []string{"The attacks were ordered by %s intelligence and we have the evidence to prove it", "%s hackers stole sensitive data from our ministries and must be held accountable", "This malicious campaign by %s threatens critical infrastructure across the region"}
	respond = []string{"These accusations are baseless and politically motivated smears against %s", "We firmly reject the groundless claims and %s is itself a victim of cyberattacks", "The so-called evidence is fabricated and we urge %s to stop spreading disinformation"}
)

// Article returns the text of synthetic article i; the same i always gives
// the same text.
func Article(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	a, b := parties[r.IntN(len(parties))], parties[r.IntN(len(parties))]
	if a == b {
		b = parties[(r.IntN(len(parties)-1)+1+indexOf(a))%len(parties)]
	}
	accuser := person(r)
	responder := person(r)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s accuses %s of cyberattacks in report %d\n\n", a[0], b[0], i)
	fmt.Fprintf(&sb, "%d March 2024\n\n", 1+r.IntN(28))
	quotes := 3 + r.IntN(8)
	words := 400 + r.IntN(501)
	written := 0
	for q := 0; q < quotes || written < words; q++ {
		sb.WriteString(fillerSentences(r, 2+r.IntN(4), &written))
		if q < quotes {
			sb.WriteString(" ")
			sb.WriteString(quoteSentence(r, q, a, b, accuser, responder))
			written += 25
		}
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func indexOf(p [2]string) int {
	for i, x := range parties {
		if x == p {
			return i
		}
	}
	return 0
}

func person(r *rand.Rand) string {
	return firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
}

func surname(name string) string { return name[strings.LastIndexByte(name, ' ')+1:] }

func fillerSentences(r *rand.Rand, n int, written *int) string {
	var sb strings.Builder
	for s := 0; s < n; s++ {
		k := 12 + r.IntN(14)
		start := r.IntN(len(filler) - k)
		w := filler[start : start+k]
		sent := strings.Join(w, " ")
		sb.WriteString(strings.ToUpper(sent[:1]) + sent[1:] + ". ")
		*written += k
	}
	return strings.TrimSpace(sb.String())
}

// quoteSentence writes one attributed quotation, alternating the accuser
// and the responder and the attribution forms.
func quoteSentence(r *rand.Rand, q int, a, b [2]string, accuser, responder string) string {
	if q%2 == 0 {
		text := fmt.Sprintf(accuse[r.IntN(len(accuse))], b[1])
		form := r.IntN(3)
		if q == 0 {
			form = r.IntN(2) // the first mention gives the full name
		}
		switch form {
		case 0:
			return fmt.Sprintf("“%s,” said %s, the %s %s.", text, accuser, a[1], titles[r.IntN(len(titles))])
		case 1:
			return fmt.Sprintf("%s %s %s said: “%s.”", a[1], titles[r.IntN(len(titles))], accuser, text)
		default:
			return fmt.Sprintf("“%s,” %s added.", text, surname(accuser))
		}
	}
	text := fmt.Sprintf(respond[r.IntN(len(respond))], a[0])
	form := r.IntN(3)
	if q == 1 {
		form = 0
	}
	switch form {
	case 0:
		return fmt.Sprintf("“%s,” %s %s %s told reporters.", text, b[1], titles[r.IntN(len(titles))], responder)
	case 1:
		return fmt.Sprintf("%s rejected the claims, saying “%s.”", b[0], text)
	default:
		return fmt.Sprintf("“%s,” %s said.", text, surname(responder))
	}
}

// Write puts n synthetic articles in dir as NNNNNN.txt files and returns
// their total size in bytes.
func Write(dir string, n int) (int64, error) {
	var total int64
	for i := range n {
		text := Article(i)
		total += int64(len(text))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.txt", i)), []byte(text), 0o644); err != nil {
			return total, err
		}
	}
	return total, nil
}
