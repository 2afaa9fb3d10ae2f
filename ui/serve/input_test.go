package serve

import (
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// Keys typed as a program ends leave nothing behind: the program has
// stopped reading (send blocks until it is gone), the client has typed
// three keys and keeps its end open, yet once the program has ended and
// the input is stopped, the reader and the forwarder both return.
func TestInputArrivingAsTheProgramEndsLeavesNothingBlocked(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	ended := make(chan struct{})
	sending := make(chan struct{}, 1)
	in := newSessionInput(r, "xterm-256color")
	send := func(tea.Msg) {
		select {
		case sending <- struct{}{}:
		default:
		}
		<-ended // what Program.Send does once the program no longer reads
	}
	if err := in.start(send, func(err error) { t.Errorf("reading failed: %v", err) }); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("abc")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sending:
	case <-time.After(15 * time.Second):
		t.Fatal("the typed keys never reached the program")
	}
	close(ended)
	in.stop()
	select {
	case <-in.done:
	case <-time.After(15 * time.Second):
		t.Fatal("the session's input goroutines are still running after the program ended")
	}
}

// What a terminal answers reaches the program as an answer, never as keys.
func TestTerminalAnswerIsAnEventNotKeys(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	got := make(chan tea.Msg, 16)
	in := newSessionInput(r, "xterm-256color")
	if err := in.start(func(m tea.Msg) { got <- m }, func(err error) { t.Errorf("reading failed: %v", err) }); err != nil {
		t.Fatal(err)
	}
	defer in.stop()
	if _, err := w.Write([]byte("\x1b]11;rgb:ffff/ffff/ffff\x07q")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"background", "q"} {
		select {
		case m := <-got:
			switch m := m.(type) {
			case uv.BackgroundColorEvent:
				if want != "background" {
					t.Errorf("got the background answer, want %s", want)
				}
			case uv.KeyPressEvent:
				if want != m.String() {
					t.Errorf("got key %q, want %s", m.String(), want)
				}
			default:
				t.Errorf("got %T %v, want %s", m, m, want)
			}
		case <-time.After(15 * time.Second):
			t.Fatalf("no %s", want)
		}
	}
}
