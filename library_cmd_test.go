package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every test of this package reads the library from a folder that does not
// exist unless a test points the XDG variables elsewhere, so a library on
// the machine running the tests changes nothing (and nothing is written).
func init() {
	none := filepath.Join(os.TempDir(), fmt.Sprintf("counterpoint-no-library-%d", os.Getpid()))
	os.Setenv("XDG_DATA_HOME", filepath.Join(none, "data"))
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(none, "config"))
}

func libCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// A feed of two full-text articles I wrote, one of them with an accusation
// and the answer it drew.
const testFeed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Border Desk</title>
<item><title>Ministers trade charges over border</title><link>{{BASE}}/border</link>
<pubDate>Mon, 02 Mar 2026 10:00:00 +0000</pubDate><content:encoded><![CDATA[
<p>Russia accused Ukraine of shelling a border town on Monday, and Kyiv denied it within the hour.</p>
<p>"Ukraine is shelling civilians in our border region," Russian Foreign Minister Ivan Petrov said on Monday, accusing Kyiv of aggression.</p>
<p>"These accusations are lies meant to hide Russian shelling of civilians," Ukrainian Foreign Ministry spokeswoman Olena Kovalenko said, rejecting the claim.</p>
<p>Neither account could be checked independently. Residents of the town said they had heard explosions through the night and that several houses near the river were damaged.</p>
<p>International monitors said they would try to reach the area later in the week, once the roads had been cleared and the local authorities had given permission.</p>
<p>The exchange came a day after talks on a prisoner swap broke down without a date for the next round, leaving families on both sides waiting for news of relatives held since the spring.</p>
]]></content:encoded></item>
<item><title>Harbour reopens after storm</title><link>{{BASE}}/harbour</link>
<pubDate>Sun, 01 Mar 2026 10:00:00 +0000</pubDate><content:encoded><![CDATA[
<p>The harbour reopened on Sunday after three days of storms kept the fishing fleet in port and closed the coastal road.</p>
<p>Harbour master Lena Dahl said the breakwater had held, though two piers would need repairs before the summer season.</p>
<p>Fishermen said the lost days would cost them dearly at the height of the season, and asked the town for help with fuel costs until the catches recover.</p>
<p>The coastal road was cleared by Sunday evening, and the ferry to the islands is expected to run to its normal timetable from Tuesday onwards, weather permitting.</p>
<p>Forecasters expect calmer weather for the rest of the week, with lighter winds and only a little rain over the coast and the hills behind the town.</p>
]]></content:encoded></item>
</channel></rss>`

func TestLibraryCommands(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Write([]byte(strings.ReplaceAll(testFeed, "{{BASE}}", srv.URL)))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()

	// Before anything is fetched, the reading commands use the seeds.
	out, _, code := libCmd(t, "search", "")
	if code != 0 || !strings.Contains(out, "NATO") {
		t.Fatalf("search with an empty library: %d\n%s", code, out)
	}
	if out, errOut, code := libCmd(t, "add", srv.URL+"/feed.xml", srv.URL+"/dead.xml", "ftp://x.example/feed"); code != 1 ||
		!strings.Contains(out, "added "+srv.URL+"/feed.xml") || !strings.Contains(errOut, "not an http or https address") {
		t.Fatalf("add: %d\n%s\n%s", code, out, errOut)
	}
	_, errOut, code := libCmd(t, "fetch")
	if code != 0 || !strings.Contains(errOut, "/feed.xml: 2 new") || !strings.Contains(errOut, "/dead.xml: failed: HTTP 404 Not Found") ||
		!strings.Contains(errOut, "2 new articles from 2 feeds; 1 failed") {
		t.Fatalf("fetch: %d\n%s", code, errOut)
	}
	out, _, _ = libCmd(t, "feeds")
	if !strings.Contains(out, "Border Desk · 2 articles") || !strings.Contains(out, "last fetch failed: HTTP 404") {
		t.Errorf("feeds:\n%s", out)
	}

	// Now the library is what the reading commands read, newest first.
	out, _, _ = libCmd(t, "debate")
	if !strings.HasPrefix(out, "ministers-trade-charges-over-border-") || strings.Contains(out, "NATO") ||
		!strings.Contains(out, "ACCUSATION  Ivan Petrov") || !strings.Contains(out, "RESPONSE    Olena Kovalenko") {
		t.Errorf("debate from the library:\n%s", out)
	}
	if out, _, _ := libCmd(t, "quotes", "--seeds"); !strings.Contains(out, "NATO") {
		t.Errorf("--seeds did not read the seeds")
	}
	// Files named on the command line are read as ever, library or not.
	file := filepath.Join(t.TempDir(), "note.txt")
	os.WriteFile(file, []byte("Council meets\n\"We will fix the bridge this year,\" Mayor Ana Ruiz said on Monday.\n"), 0o600)
	if out, _, _ := libCmd(t, "quotes", file); !strings.Contains(out, "Ana Ruiz") || strings.Contains(out, "Petrov") {
		t.Errorf("quotes FILE with a library:\n%s", out)
	}
	id := strings.Fields(out)[0]
	md, _, code := libCmd(t, "debate", "--markdown", id)
	if code != 0 || !strings.Contains(md, "# Ministers trade charges over border") || !strings.Contains(md, "[source]("+srv.URL+"/border)") ||
		!strings.Contains(md, "| “Ukraine is shelling civilians") || strings.Contains(md, "Harbour") {
		t.Errorf("debate --markdown %s: %d\n%s", id, code, md)
	}

	// Subscriptions move out and back in as OPML.
	opml, _, code := libCmd(t, "export")
	if code != 0 || !strings.Contains(opml, `xmlUrl="`+srv.URL+`/feed.xml"`) || !strings.Contains(opml, `text="Border Desk"`) {
		t.Fatalf("export: %d\n%s", code, opml)
	}
	if _, _, code := libCmd(t, "remove", srv.URL+"/feed.xml"); code != 0 {
		t.Fatal("remove failed")
	}
	if out, _, _ := libCmd(t, "search", ""); !strings.Contains(out, "NATO") {
		t.Errorf("after removing the only feed with articles, the seeds are not back:\n%s", out)
	}
	file = filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(file, []byte(opml), 0o600)
	if out, _, code := libCmd(t, "import", file); code != 0 || !strings.Contains(out, "imported 1 new feed of 2") {
		t.Errorf("import: %d %s", code, out)
	}

	// The plain list in the config dir counts as subscriptions too.
	list := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "counterpoint", "feeds")
	os.MkdirAll(filepath.Dir(list), 0o700)
	os.WriteFile(list, []byte("# my feeds\nhttps://listed.example/rss\n"), 0o600)
	out, _, _ = libCmd(t, "feeds")
	if !strings.Contains(out, "https://listed.example/rss") || !strings.Contains(out, "from "+list) {
		t.Errorf("listed feed missing:\n%s", out)
	}
	if _, errOut, code := libCmd(t, "remove", "https://listed.example/rss"); code != 1 || !strings.Contains(errOut, "remove its line there") {
		t.Errorf("removing a listed feed: %d %s", code, errOut)
	}
	os.WriteFile(list, []byte("# my feeds\n"), 0o600)
	out, errOut, _ = libCmd(t, "feeds")
	if strings.Contains(out, "listed.example") || !strings.Contains(errOut, "removed https://listed.example/rss: no longer in "+list) {
		t.Errorf("a feed whose line was deleted is still there:\n%s\n%s", out, errOut)
	}
}

func TestFetchFailsOnlyWhenEveryFeedFails(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	libCmd(t, "add", srv.URL+"/a.xml", srv.URL+"/b.xml")
	if _, errOut, code := libCmd(t, "fetch"); code != 1 || strings.Count(errOut, "HTTP 404") != 2 {
		t.Errorf("all feeds failing: %d\n%s", code, errOut)
	}
	if _, errOut, code := libCmd(t, "fetch", "extra"); code != 2 || !strings.Contains(errOut, "usage") {
		t.Errorf("fetch with an argument: %d %s", code, errOut)
	}
}
