package corpus

import "encoding/binary"

// windowTable numbers the distinct title windows one term matched in a
// search, so that the fuzzy matcher, whose result depends on the window's
// text alone, runs once per distinct text: a first letter over 100k titles
// has a few hundred. A window of up to 16 bytes (a term of up to ten
// letters) is its own key, packed into two words, so a lookup hashes
// nothing; longer ones, from long terms that only ever see the few
// candidates left by the letters before, go to a map.
type windowTable struct {
	slots []windowSlot // open addressing; size a power of two
	long  map[string]int32
	texts []string // the distinct windows, by number
}

type windowSlot struct {
	a, b uint64
	n    int32 // the window's length; 0 for an empty slot
	id   int32
}

func newWindowTable() *windowTable {
	return &windowTable{slots: make([]windowSlot, 256)}
}

func packWindow(s string) (a, b uint64) {
	var buf [16]byte
	copy(buf[:], s)
	return binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
}

func (t *windowTable) slot(a, b uint64, n int) int {
	h := (a*0x9e3779b97f4a7c15 ^ b*0xc2b2ae3d27d4eb4f ^ uint64(n)) * 0x94d049bb133111eb
	return int(h >> 40 & uint64(len(t.slots)-1))
}

// id numbers window s, adding it if it is new.
func (t *windowTable) id(s string) int32 {
	if len(s) > 16 {
		if t.long == nil {
			t.long = map[string]int32{}
		}
		id, ok := t.long[s]
		if !ok {
			id = int32(len(t.texts))
			t.long[s] = id
			t.texts = append(t.texts, s)
		}
		return id
	}
	a, b := packWindow(s)
	mask := len(t.slots) - 1
	for i := t.slot(a, b, len(s)); ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.n == 0 {
			sl.a, sl.b, sl.n, sl.id = a, b, int32(len(s)), int32(len(t.texts))
			t.texts = append(t.texts, s)
			if 2*len(t.texts) > len(t.slots) {
				t.grow()
			}
			return int32(len(t.texts) - 1)
		}
		if sl.a == a && sl.b == b && sl.n == int32(len(s)) {
			return sl.id
		}
	}
}

func (t *windowTable) grow() {
	old := t.slots
	t.slots = make([]windowSlot, 2*len(old))
	mask := len(t.slots) - 1
	for _, sl := range old {
		if sl.n == 0 {
			continue
		}
		i := t.slot(sl.a, sl.b, int(sl.n))
		for t.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = sl
	}
}
