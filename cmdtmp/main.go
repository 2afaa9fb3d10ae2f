package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"counterpoint/corpus"
	"counterpoint/corpus/synth"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "gen" {
		var n int
		fmt.Sscan(os.Args[3], &n)
		size, _ := synth.Write(os.Args[2], n)
		fmt.Println("bytes", size)
		return
	}
	f, _ := os.Create("/tmp/load.prof")
	pprof.StartCPUProfile(f)
	t := time.Now()
	c, _ := corpus.Load(os.Args[1:], corpus.Options{})
	fmt.Println(len(c.Articles), time.Since(t))
	pprof.StopCPUProfile()
}
