package serve

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/muesli/cancelreader"
)

// sessionInput reads a session's terminal for its program, instead of
// letting Bubble Tea read it.
//
// Bubble Tea runs ultraviolet's TerminalReader.StreamEvents straight onto
// its message channel, and StreamEvents sends each decoded event without
// watching its context: when keys or terminal answers arrived as a session
// ended, nothing read that channel any more and the reader goroutine was
// blocked for ever, one per such session. Here the reader sends on a
// channel of ours, and a forwarder drains it until the reader has
// returned, handing each event to Program.Send, which gives up once the
// program has ended. The program's event loop turns uv events into Bubble
// Tea messages (translateInputEvent) whatever put them on its channel, so
// keys, resizes and terminal answers reach the model exactly as if Bubble
// Tea had read them.
//
// The program still gets an input, one that never yields a byte: with no
// input at all (tea.WithInput(nil)) Bubble Tea sends no terminal query
// (synchronized output, grapheme widths) and leaves keyboard enhancements
// off. (The background colour the server asks itself, as the session
// starts: see handle.)
type sessionInput struct {
	pty  *os.File
	term string

	silence  chan struct{} // closed by stop: ends the program's silent input
	stopOnce sync.Once
	cancel   context.CancelFunc        // set by start
	reader   cancelreader.CancelReader // set by start
	done     chan struct{}             // closed once the reader and the forwarder have returned
}

func newSessionInput(pty *os.File, term string) *sessionInput {
	return &sessionInput{pty: pty, term: term, silence: make(chan struct{}), done: make(chan struct{})}
}

// silent is the input to give the program.
func (in *sessionInput) silent() io.Reader { return silentInput{in.silence} }

// start reads the terminal and passes every event it decodes to send;
// onError is told, once, if reading the terminal fails.
func (in *sessionInput) start(send func(tea.Msg), onError func(error)) error {
	// The reader gets the PTY as a plain reader (see ptyReader), so a read
	// cannot be cancelled through the file descriptor; stop interrupts it
	// with a read deadline instead.
	reader, err := uv.NewCancelReader(ptyReader{in.pty})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	in.reader, in.cancel = reader, cancel

	events := make(chan uv.Event)
	streamed := make(chan struct{})
	go func() {
		defer close(streamed)
		defer func() { // decoding a client's bytes must not take the server down
			if r := recover(); r != nil {
				onError(fmt.Errorf("reading the terminal: panic: %v", r))
			}
		}()
		// StreamEvents treats the reader's io.EOF and ErrCanceled as a clean
		// end; the deadline error stop causes comes back as ErrCanceled.
		if err := uv.NewTerminalReader(reader, in.term).StreamEvents(ctx, events); err != nil && ctx.Err() == nil {
			onError(err)
		}
	}()
	go func() {
		defer close(in.done)
		for {
			select {
			case ev := <-events:
				send(ev)
			case <-streamed:
				return
			}
		}
	}()
	return nil
}

// stop ends the reading once the program has ended: the reader's pending
// read returns at once, and the forwarder returns after it. It never
// blocks and may be called any number of times, even without start.
func (in *sessionInput) stop() {
	in.stopOnce.Do(func() {
		close(in.silence)
		if in.cancel == nil {
			return
		}
		in.cancel()
		in.reader.Cancel()
		// The deadline ends a pending read now; should the file refuse it,
		// the read ends when the SSH library closes the PTY, after the
		// handler has returned, and the forwarder drains until then.
		_ = in.pty.SetReadDeadline(time.Now())
		_ = in.reader.Close()
	})
}

// silentInput is the program's own input: it never yields a byte, so
// Bubble Tea's reader never has an event to send, and it ends (io.EOF)
// when the session's input is stopped.
type silentInput struct{ silence <-chan struct{} }

func (s silentInput) Read([]byte) (int, error) {
	<-s.silence
	return 0, io.EOF
}
