package feeds

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"counterpoint/corpus"
)

// ReadList reads the plain feed list kept in the config dir: one address
// per line; blank lines and lines starting with # are ignored, as is a
// " #" comment after an address. Lines that are not http(s) addresses are
// returned in bad, with their line number, and never stop the rest.
func ReadList(r io.Reader, name string) (urls []string, bad []Failure) {
	sc := bufio.NewScanner(io.LimitReader(r, MaxOPMLBytes))
	seen := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u := corpus.SafeURL(line)
		if u == "" {
			bad = append(bad, Failure{URL: fmt.Sprintf("%s:%d", name, n), Reason: "not an http or https address: " + corpus.SanitizeLine(line)})
			continue
		}
		if !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	if err := sc.Err(); err != nil {
		bad = append(bad, Failure{URL: name, Reason: err.Error()})
	}
	return urls, bad
}

func charsetNewReaderLabel(label string, input io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, input)
}
