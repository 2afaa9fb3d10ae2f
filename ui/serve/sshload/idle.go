package main

import (
	"fmt"
	"time"
)

// measureIdle holds n sessions open on each server, doing nothing once
// their first frame is drawn, and reports the CPU the server spends on
// them over 10 s: Bubble Tea's renderer flushes every 1/FPS second whether
// or not anything changed, so this is what a higher frame rate costs.
func measureIdle(n, articles int) error {
	const window = 10 * time.Second
	for _, kind := range []string{"bare", "counterpoint"} {
		c, err := startChild(kind, n, articles, "")
		if err != nil {
			return err
		}
		c.settle(10 * time.Second)
		clients, _, _, _, errs := burst(c.addr, n, 20*time.Millisecond, false)
		c.settle(30 * time.Second)
		cpu0 := c.cpu()
		time.Sleep(window) // the measure is "CPU over 10 s": a measuring tool, not a test
		cpu := c.cpu() - cpu0
		held := n - len(errs)
		fmt.Printf("%-12s %d idle sessions: %.1f%% of a core, %.2f ms of CPU per session per second\n",
			kind, held, 100*cpu.Seconds()/window.Seconds(), ms(cpu)/window.Seconds()/float64(max(held, 1)))
		for _, cl := range clients {
			if cl != nil {
				cl.Close()
			}
		}
		if err := c.stop(); err != nil {
			return err
		}
	}
	return nil
}
