package library

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"counterpoint/corpus/feeds"
)

// libraryOf makes a library of n synthetic articles in a temporary folder
// and returns its path.
func libraryOf(b *testing.B, n int) string {
	b.Helper()
	l, path := openTemp(b, Options{})
	const batch = 1000
	for from := 0; from < n; from += batch {
		addArticles(b, l, fmt.Sprintf("https://feed%d.example/rss", from/batch), from, min(batch, n-from))
	}
	l.Close()
	return path
}

// BenchmarkOpen10k: opening a library of 10,000 articles until they are
// analysed and ready to show (goal: under 300 ms).
func BenchmarkOpen10k(b *testing.B) {
	path := libraryOf(b, 10_000)
	// The machine is shared: CPU time says what wall time cannot.
	before := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-before).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		l, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		shelf, err := l.Load(ctx)
		if err != nil || len(shelf.Corpus.Articles) != 10_000 {
			b.Fatalf("%v, %d", err, len(shelf.Corpus.Articles))
		}
		l.Close()
	}
}

// BenchmarkSearch10k: a search over a loaded library of 10,000 articles.
func BenchmarkSearch10k(b *testing.B) {
	path := libraryOf(b, 10_000)
	l, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	shelf, err := l.Load(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"minister", "@stoltenberg", "sanction talks"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				shelf.Corpus.Search(q, nil)
			}
		})
	}
}

// BenchmarkImport100x50: a first refresh of 100 feeds of 50 full-text
// items each from a local server: fetching, parsing, analysing and storing
// 5,000 articles.
func BenchmarkImport100x50(b *testing.B) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/feed/%d", &n)
		w.Write([]byte(fullTextFeed(srv.URL, n*50, 50)))
	}))
	defer srv.Close()
	for b.Loop() {
		b.StopTimer()
		isolate(b)
		l, err := Open(filepath.Join(b.TempDir(), "lib.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i := range 100 {
			l.AddFeed(ctx, fmt.Sprintf("%s/feed/%d", srv.URL, i), "")
		}
		b.StartTimer()
		sum, err := l.Refresh(ctx, feeds.NewFetcher(feeds.Options{}), nil)
		if err != nil || sum.NewArticles != 5000 {
			b.Fatalf("%v %+v", err, sum)
		}
		l.Close()
	}
}

// BenchmarkOpen10kReanalyse is the alternative to the cache: the same
// library with every article analysed again on opening (read-only, so
// nothing is cached between iterations).
func BenchmarkOpen10kReanalyse(b *testing.B) {
	path := libraryOf(b, 10_000)
	l, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	l.db.Exec(`DELETE FROM analyses`)
	l.Close()
	before := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-before).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		l, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if shelf, err := l.Load(ctx); err != nil || len(shelf.Corpus.Articles) != 10_000 {
			b.Fatal(err)
		}
		l.Close()
	}
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
