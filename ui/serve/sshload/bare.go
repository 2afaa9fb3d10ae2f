package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// bareModel is the least a Bubble Tea app over SSH does: a bordered list
// on the alternate screen, drawn from the same libraries as the reader.
type bareModel struct{ w, h int }

func (m bareModel) Init() tea.Cmd { return tea.RequestBackgroundColor }

func (m bareModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m bareModel) View() tea.View {
	var b strings.Builder
	b.WriteString("Articles (5)\n\n")
	for i := range 5 {
		fmt.Fprintf(&b, "  Article number %d\n  a line of details\n\n", i+1)
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Width(max(m.w-2, 10)).Height(max(m.h-3, 3))
	v := tea.NewView(box.Render(b.String()))
	v.AltScreen = true
	return v
}

// newBare builds the bare server: wish's own Bubble Tea middleware over
// the bare model.
func newBare() (*ssh.Server, error) {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	return wish.NewServer(
		func(s *ssh.Server) error { s.AddHostKey(signer); return nil },
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(bubbletea.Middleware(func(ssh.Session) (tea.Model, []tea.ProgramOption) {
			return bareModel{}, nil
		})),
	)
}

// runBare serves the bare model in this process and measures it like the
// reader.
func runBare(n int) error {
	srv, err := newBare()
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		return err
	}
	go srv.Serve(l)
	defer srv.Shutdown(context.Background())
	cpu0 := cpuTime()
	clients, handshakes, firsts, _, errs := burst(l.Addr().String(), n, arrival, false)
	cpu := cpuTime() - cpu0
	failed := 0
	for err := range errs {
		failed++
		if failed == 1 {
			fmt.Println("first failure:", err)
		}
	}
	fmt.Printf("bare server: %d sessions held, %d failed\n", n-failed, failed)
	fmt.Printf("SSH handshake:         %s\n", percentiles(handshakes))
	fmt.Printf("time to first frame:   %s (from the PTY request)\n", percentiles(firsts))
	fmt.Printf("process CPU per session (server and load clients): %.1f ms\n", float64(cpu.Milliseconds())/float64(max(n-failed, 1)))
	for _, c := range clients {
		if c != nil {
			c.Close()
		}
	}
	return nil
}
