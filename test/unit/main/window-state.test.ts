import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clampBounds, DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type Rect } from '../../../src/main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 }; // work area: minus the taskbar
const monitorRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

test('first launch: default size, centred on the primary display', () => {
  assert.deepEqual(clampBounds(undefined, [laptop]), {
    x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2,
    y: (1050 - DEFAULT_WINDOW_SIZE.height) / 2,
    ...DEFAULT_WINDOW_SIZE,
    maximized: false,
  });
});

test('a window that fits where it was stays exactly there, maximized or not', () => {
  const saved = { x: 100, y: 80, width: 1300, height: 900, maximized: true };
  assert.deepEqual(clampBounds(saved, [laptop]), saved);
});

test('a window on a second display stays on that display', () => {
  const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
  assert.deepEqual(clampBounds(saved, [laptop, monitorRight]), saved);
});

test('the monitor it was on is gone: centred on the primary display, size kept', () => {
  const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
  assert.deepEqual(clampBounds(saved, [laptop]), { x: 160, y: 25, width: 1600, height: 1000, maximized: false });
});

test('hanging off an edge: moved back inside the display it is mostly on', () => {
  assert.deepEqual(clampBounds({ x: 1500, y: -50, width: 1200, height: 800, maximized: false }, [laptop]), {
    x: 1920 - 1200,
    y: 0,
    width: 1200,
    height: 800,
    maximized: false,
  });
});

test('only a sliver visible counts as lost', () => {
  const r = clampBounds({ x: 1900, y: 100, width: 1200, height: 800, maximized: false }, [laptop]);
  assert.deepEqual(r, { x: 360, y: 125, width: 1200, height: 800, maximized: false });
});

test('bigger than the display: shrunk to fit it', () => {
  assert.deepEqual(clampBounds({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop]), {
    x: 0,
    y: 0,
    width: 1920,
    height: 1050,
    maximized: false,
  });
});

test('smaller than the minimum: grown to the minimum', () => {
  const r = clampBounds({ x: 10, y: 10, width: 300, height: 200, maximized: false }, [laptop]);
  assert.equal(r.width, MIN_WINDOW_SIZE.width);
  assert.equal(r.height, MIN_WINDOW_SIZE.height);
});

test('a negative-coordinate display to the left works like any other', () => {
  const left: Rect = { x: -1600, y: 0, width: 1600, height: 900 };
  const saved = { x: -1500, y: 50, width: 1200, height: 800, maximized: false };
  assert.deepEqual(clampBounds(saved, [laptop, left]), saved);
});

test('damaged saved values fall back to the default', () => {
  const r = clampBounds({ x: Number.NaN, y: 0, width: 1200, height: 800, maximized: true }, [laptop]);
  assert.equal(r.width, DEFAULT_WINDOW_SIZE.width);
  assert.equal(r.maximized, false);
});

test('fractional values (scaled displays) come back as whole pixels', () => {
  const r = clampBounds({ x: 10.4, y: 20.6, width: 1200.5, height: 800.2, maximized: false }, [laptop]);
  assert.ok([r.x, r.y, r.width, r.height].every(Number.isInteger), JSON.stringify(r));
});
