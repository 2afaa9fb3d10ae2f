package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"counterpoint/corpus/feeds"
	"counterpoint/corpus/library"
)

// story is one item of a test feed: full text, so no page is fetched.
type story struct {
	slug, title, date string
}

// feedXML writes an RSS feed whose items carry their whole text. The
// sentences are written for these tests.
func feedXML(base, title string, items []story) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>%s</title><link>%s/</link><description>test</description>`, title, base)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/%s</link><guid>%s/%s</guid><pubDate>%s</pubDate><content:encoded><![CDATA[`+
			`<p>The harbour council met on Monday to discuss the %s.</p>`+
			`<p>&quot;We will not let the ferry timetable fall apart again,&quot; said Mara Lind, who chairs the council.</p>`+
			`<p>The opposition answered that the council had ignored the problem for years. &quot;They promised new boats twice and bought none,&quot; said Ole Brandt.</p>`+
			`<p>A vote on the plan is expected before the summer, after a public hearing in the town hall.</p>`+
			`<p>Residents who spoke at the last meeting asked for more evening crossings, a shelter at the northern pier and clearer notices when a boat is cancelled.</p>`+
			`<p>The council's own figures show that one crossing in ten was late last winter, most of them on days with strong wind from the west.</p>`+
			`]]></content:encoded></item>`, it.title, base, it.slug, base, it.slug, it.date, strings.ToLower(it.title))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// feedServer serves feeds by path; a path in hold waits for release
// before it answers, so a test can see a refresh half done.
type feedServer struct {
	*httptest.Server
	mu      sync.Mutex
	feeds   map[string][]story
	titles  map[string]string
	hold    map[string]chan struct{}
	waiting chan string
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{feeds: map[string][]story{}, titles: map[string]string{}, hold: map[string]chan struct{}{}, waiting: make(chan string, 8)}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		items, ok := fs.feeds[r.URL.Path]
		title, hold := fs.titles[r.URL.Path], fs.hold[r.URL.Path]
		fs.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		if hold != nil {
			fs.waiting <- r.URL.Path
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(feedXML(fs.URL, title, items)))
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(path, title string, items ...story) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.feeds[path], fs.titles[path] = items, title
}

// tempLibrary is a library in a temporary XDG data dir, subscribed to the
// server's feeds and fetched once.
func tempLibrary(t *testing.T, fs *feedServer, paths ...string) *library.Library {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	lib := openDefault(t)
	ctx := context.Background()
	for _, p := range paths {
		if _, err := lib.AddFeed(ctx, fs.URL+p, ""); err != nil {
			t.Fatal(err)
		}
	}
	if sum, err := lib.Refresh(ctx, feeds.NewFetcher(feeds.Options{}), nil); err != nil || sum.FeedsFailed > 0 || len(sum.Failures) > 0 || sum.NewArticles == 0 {
		t.Fatalf("first fetch: %+v %v", sum, err)
	}
	return lib
}

func openDefault(t *testing.T) *library.Library {
	t.Helper()
	lib, err := library.OpenDefault(library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

func localOptions() Options {
	o := plainOptions()
	o.Local = true
	return o
}

// screenTest is a reader under teatest whose frames are recorded as the
// model draws them, so a test reads the screen a user sees, whatever
// cells the renderer chose to rewrite.
type screenTest struct {
	*teatest.TestModel
	frames *frameLog
}

type frameLog struct {
	mu   sync.Mutex
	last string
}

func (f *frameLog) set(s string) { f.mu.Lock(); f.last = s; f.mu.Unlock() }
func (f *frameLog) get() string  { f.mu.Lock(); defer f.mu.Unlock(); return f.last }

// recorder is the reader with its frames recorded.
type recorder struct {
	Model
	frames *frameLog
}

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.Model.Update(msg)
	return recorder{m.(Model), r.frames}, cmd
}

func (r recorder) View() tea.View {
	v := r.Model.View()
	r.frames.set(ansi.Strip(v.Content))
	return v
}

// startTeatest runs the reader on shared and waits for the first screen.
func startTeatest(t *testing.T, shared *Shared, opts Options, w, h int, want string) *screenTest {
	t.Helper()
	st := &screenTest{frames: &frameLog{}}
	st.TestModel = teatest.NewTestModel(t, recorder{New(shared, opts), st.frames}, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	st.wait(t, want)
	return st
}

// wait waits, with a generous deadline, until the screen shows want.
func (st *screenTest) wait(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(st.frames.get(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; it shows:\n%s", want, st.frames.get())
		}
		time.Sleep(10 * time.Millisecond) // polling interval, not a wait for "long enough"
	}
}

func finalModel(t *testing.T, tm *screenTest) Model {
	t.Helper()
	tm.Send(press("ctrl+c"))
	return tm.FinalModel(t, teatest.WithFinalTimeout(15*time.Second)).(recorder).Model
}

func selectedID(m Model) string {
	if i, ok := m.list.selected(); ok {
		return m.c.shared.Corpus.Articles[i].ID
	}
	return ""
}

// r refreshes with a progress bar while feeds come in, and the new
// article appears at the top without moving the cursor off the article
// it was on.
func TestRefreshShowsProgressAndKeepsTheCursor(t *testing.T) {
	fs := newFeedServer(t)
	fs.set("/harbour.xml", "Harbour Post",
		story{"ferries", "Ferry timetable", "Mon, 02 Mar 2026 08:00:00 +0000"},
		story{"bridge", "Bridge repairs", "Sun, 01 Mar 2026 08:00:00 +0000"})
	fs.set("/valley.xml", "Valley Ledger",
		story{"school", "School roof", "Sat, 28 Feb 2026 08:00:00 +0000"})
	lib := tempLibrary(t, fs, "/harbour.xml", "/valley.xml")
	shared, err := LoadLibrary(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	tm := startTeatest(t, shared, localOptions(), 120, 40, "School roof")
	tm.Send(press("j")) // onto "Bridge repairs"

	// A newer story in one feed; the other answers only when released.
	fs.set("/harbour.xml", "Harbour Post",
		story{"harbour-fees", "Harbour fees", "Tue, 03 Mar 2026 08:00:00 +0000"},
		story{"ferries", "Ferry timetable", "Mon, 02 Mar 2026 08:00:00 +0000"},
		story{"bridge", "Bridge repairs", "Sun, 01 Mar 2026 08:00:00 +0000"})
	release := make(chan struct{})
	fs.mu.Lock()
	fs.hold["/valley.xml"] = release
	fs.mu.Unlock()
	tm.Send(press("r"))
	tm.wait(t, "1/2 feeds · 1 new") // one feed in, the bar half full
	close(release)
	tm.wait(t, "Harbour fees") // the new article, listed
	m := finalModel(t, tm)
	if m.lib.note != "1 new article from 2 feeds" {
		t.Errorf("status after the refresh: %q", m.lib.note)
	}
	if got := selectedID(m); got != "bridge-repairs" && !strings.Contains(got, "bridge") {
		t.Errorf("cursor on %q after the refresh, want it still on the bridge story", got)
	}
	if n := len(m.c.shared.Corpus.Articles); n != 4 {
		t.Errorf("%d articles after the refresh, want 4", n)
	}
	if m.lib.refresh != nil {
		t.Error("the refresh is still shown as running")
	}
}

// drain runs a command as Bubble Tea would and hands the library's and
// the list's messages back to the model, until nothing is left to do.
// Timers (tea.Tick: spinners, the shelf watch) are skipped: a test sends
// their messages itself.
func drain(m Model, cmd tea.Cmd) (Model, []tea.Msg) {
	tick := reflect.ValueOf(tea.Tick(time.Hour, nil)).Pointer()
	var seen []tea.Msg
	var run func(tea.Cmd, int)
	run = func(cmd tea.Cmd, depth int) {
		if cmd == nil || depth > 20 || reflect.ValueOf(cmd).Pointer() == tick {
			return
		}
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				run(c, depth+1)
			}
			return
		}
		seen = append(seen, msg)
		switch msg.(type) {
		case libraryMsg, searchDoneMsg, renderDoneMsg, openQuoteMsg:
			next, c := m.Update(msg)
			m = next.(Model)
			run(c, depth+1)
		}
	}
	run(cmd, 0)
	return m, seen
}

// libraryModel is a local reader of the library, sized and with its marks
// loaded.
func libraryModel(t *testing.T, lib *library.Library, opts Options) Model {
	t.Helper()
	shared, err := LoadLibrary(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	m := New(shared, opts)
	m, _ = drain(m, m.lib.loadMarks())
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = drain(next.(Model), cmd)
	return m
}

func keys(m Model, ks ...string) (Model, []tea.Msg) {
	var all []tea.Msg
	for _, k := range ks {
		next, cmd := m.Update(press(k))
		var seen []tea.Msg
		m, seen = drain(next.(Model), cmd)
		all = append(all, seen...)
	}
	return m, all
}

func threeStories(t *testing.T) (*feedServer, *library.Library) {
	fs := newFeedServer(t)
	fs.set("/harbour.xml", "Harbour Post",
		story{"ferries", "Ferry timetable", "Mon, 02 Mar 2026 08:00:00 +0000"},
		story{"bridge", "Bridge repairs", "Sun, 01 Mar 2026 08:00:00 +0000"})
	fs.set("/valley.xml", "Valley Ledger",
		story{"school", "School roof", "Sat, 28 Feb 2026 08:00:00 +0000"})
	return fs, tempLibrary(t, fs, "/harbour.xml", "/valley.xml")
}

func titles(m Model) []string {
	var out []string
	for _, h := range m.list.hits.All() {
		out = append(out, m.c.shared.Corpus.Articles[h.Index].Title)
	}
	return out
}

// u and * are kept in the library: a new reader on the same XDG data dir
// shows them, and opening an article marks it read.
func TestMarksSurviveARestart(t *testing.T) {
	_, lib := threeStories(t)
	m := libraryModel(t, lib, localOptions())
	if !strings.Contains(view(m), "●") {
		t.Fatalf("no unread mark on a fresh library:\n%s", view(m))
	}
	m, _ = keys(m, "*", "u", "j", "enter") // star and read the first, open the second
	first, second := m.c.shared.Corpus.Articles[m.list.hits.At(0).Index].ID, m.c.shared.Corpus.Articles[m.list.hits.At(1).Index].ID
	lib.Close()

	again := openDefault(t) // the same temporary XDG_DATA_HOME
	m2 := libraryModel(t, again, localOptions())
	got := m2.lib.marks
	if !got[first].Read || !got[first].Starred || !got[second].Read || got[second].Starred {
		t.Errorf("marks after a restart: %+v", got)
	}
	row := m2.list.row(m2.list.hits.At(0), false, true)
	if !strings.Contains(row, "★") || strings.Contains(row, "●") {
		t.Errorf("first row should show a star and no unread dot: %q", ansi.Strip(row))
	}
	m2, _ = keys(m2, "u") // unread again
	if m2.lib.marks[first].Read {
		t.Error("u did not mark the article unread")
	}
}

// U hides what was read, F shows one feed at a time, S orders by feed.
func TestUnreadOnlyPerFeedAndSort(t *testing.T) {
	_, lib := threeStories(t)
	m := libraryModel(t, lib, localOptions())
	want := []string{"Ferry timetable", "Bridge repairs", "School roof"} // newest first
	if got := titles(m); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("list %v, want %v", got, want)
	}
	m, _ = keys(m, "u", "U") // read the first, then only unread
	if got := titles(m); fmt.Sprint(got) != fmt.Sprint(want[1:]) {
		t.Errorf("unread only: %v", got)
	}
	if !strings.Contains(view(m), "unread only") {
		t.Error("the status bar does not say unread only")
	}
	m, _ = keys(m, "u") // reading one in the unread view keeps it there until U again
	if got := titles(m); len(got) != 2 {
		t.Errorf("an article read in the unread view vanished at once: %v", got)
	}
	m, _ = keys(m, "U", "F") // all again, then the first feed by name
	if got := titles(m); fmt.Sprint(got) != "[Ferry timetable Bridge repairs]" {
		t.Errorf("feed view: %v", got)
	}
	if !strings.Contains(view(m), "feed: Harbour Post") {
		t.Errorf("the status bar does not name the feed:\n%s", view(m))
	}
	m, _ = keys(m, "F") // the next feed
	if got := titles(m); fmt.Sprint(got) != "[School roof]" {
		t.Errorf("second feed: %v", got)
	}
	m, _ = keys(m, "F", "S") // all feeds, by feed
	if got := titles(m); fmt.Sprint(got) != "[Ferry timetable Bridge repairs School roof]" {
		t.Errorf("by feed: %v", got)
	}
	if row := ansi.Strip(m.list.row(m.list.hits.At(2), false, true)); !strings.Contains(row, "Valley Ledger") || !strings.Contains(row, "28 February 2026") {
		t.Errorf("a row does not show its source and date: %q", row)
	}
}

// Over SSH, with the library read-only: r refreshes nothing, and an
// anonymous user's marks are not kept.
func TestOverSSHNoRefreshAndAnonymousKeepsNothing(t *testing.T) {
	_, lib := threeStories(t)
	path := lib.Path()
	ro, err := library.Open(path, library.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	m := libraryModel(t, ro, plainOptions()) // not Local, Reader ""
	m, msgs := keys(m, "r")
	if m.lib.refresh != nil || len(msgs) > 0 || !strings.Contains(view(m), "server refreshes on its own schedule") {
		t.Errorf("r over SSH: refresh %v, %d messages\n%s", m.lib.refresh, len(msgs), view(m))
	}
	m, _ = keys(m, "u")
	if st, _ := ro.User("").States(context.Background()); len(st) != 0 {
		t.Errorf("an anonymous user's mark was stored: %v", st)
	}
	// A user with a key keeps marks of their own.
	opts := plainOptions()
	opts.Reader = "SHA256:test-key"
	k := libraryModel(t, ro, opts)
	k, _ = keys(k, "*")
	if st, _ := ro.User("SHA256:test-key").States(context.Background()); len(st) != 1 {
		t.Errorf("a key's star was not stored: %v", st)
	}
	help := strings.Join(strings.Fields(ansi.Strip(view(func() Model { h, _ := keys(k, "?"); return h }()))), " ")
	if strings.Contains(help, "r refresh") || strings.Contains(help, "open in browser") || !strings.Contains(help, "u read") {
		t.Errorf("help over SSH:\n%s", help)
	}
}

// The help screen lists every library and link key a local user has.
func TestHelpListsLibraryKeys(t *testing.T) {
	_, lib := threeStories(t)
	m := libraryModel(t, lib, localOptions())
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = keys(next.(Model), "?")
	// Help sets keys and descriptions in aligned columns.
	shown := strings.Join(strings.Fields(ansi.Strip(view(m))), " ")
	for _, want := range []string{"u read", "* star", "U unread only", "S date/feed order", "F next feed", "r refresh", "o open in browser", "y copy quotation", "e debate to .md", "● before a title marks an article not yet read"} {
		if !strings.Contains(shown, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// Over SSH a session picks up what the server's scheduled refresh loaded,
// keeping its cursor.
func TestSessionTakesTheServersRefresh(t *testing.T) {
	fs, lib := threeStories(t)
	ro, err := library.Open(lib.Path(), library.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	opts := plainOptions()
	opts.Reader = "SHA256:test-key"
	m := libraryModel(t, ro, opts)
	m, _ = keys(m, "j")
	fs.set("/valley.xml", "Valley Ledger",
		story{"market", "Market hall reopens", "Wed, 04 Mar 2026 08:00:00 +0000"},
		story{"school", "School roof", "Sat, 28 Feb 2026 08:00:00 +0000"})
	if _, err := lib.Refresh(context.Background(), feeds.NewFetcher(feeds.Options{}), nil); err != nil { // the operator's handle
		t.Fatal(err)
	}
	if _, err := m.c.shared.Library().Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	next, cmd := m.Update(shelfCheckMsg{})
	m, _ = drain(next.(Model), cmd)
	if got := titles(m); len(got) != 4 || got[0] != "Market hall reopens" {
		t.Errorf("list after the server's refresh: %v", got)
	}
	if selectedID(m) == "" || !strings.Contains(selectedID(m), "bridge") {
		t.Errorf("cursor moved to %q", selectedID(m))
	}
	if !strings.Contains(ansi.Strip(view(m)), "1 new article from the server's refresh") {
		t.Errorf("status:\n%s", ansi.Strip(view(m)))
	}
}

// The same through the real program: the session's own timer finds the
// shelf the server loaded.
func TestSessionWatchesForTheServersRefresh(t *testing.T) {
	fs, lib := threeStories(t)
	ro, err := library.Open(lib.Path(), library.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	shared, err := LoadLibrary(context.Background(), ro)
	if err != nil {
		t.Fatal(err)
	}
	opts := plainOptions()
	opts.Reader = "SHA256:test-key"
	m := New(shared, opts)
	m.lib.check = 50 * time.Millisecond
	st := &screenTest{frames: &frameLog{}}
	st.TestModel = teatest.NewTestModel(t, recorder{m, st.frames}, teatest.WithInitialTermSize(80, 24))
	st.wait(t, "School roof")
	fs.set("/valley.xml", "Valley Ledger", story{"market", "Market hall reopens", "Wed, 04 Mar 2026 08:00:00 +0000"})
	if _, err := lib.Refresh(context.Background(), feeds.NewFetcher(feeds.Options{}), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := shared.Library().Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.wait(t, "Market hall reopens")
	st.wait(t, "1 new article from the server's refresh")
}
