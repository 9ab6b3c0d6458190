import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENT_NAMES, REQUEST_NAMES, buildApi, eventChannel, eventMethodName, requestChannel, requests } from '../../../src/shared/contract';

test('every request has an input schema, and channel names carry the prefix', () => {
  for (const name of REQUEST_NAMES) {
    assert.equal(typeof requests[name].input.safeParse, 'function', name);
    assert.ok(requestChannel(name).startsWith('slicewise:req:'));
  }
  for (const name of EVENT_NAMES) assert.ok(eventChannel(name).startsWith('slicewise:evt:'));
});

test('buildApi exposes exactly one method per request and one subscribe method per event, frozen', async () => {
  const invoked: [string, unknown][] = [];
  const subscribed: string[] = [];
  const api = buildApi({
    invoke: async (channel, input) => {
      invoked.push([channel, input]);
      return { ok: true, value: null };
    },
    subscribe: (channel) => {
      subscribed.push(channel);
      return () => {};
    },
    pathForFile: () => '/dropped/file.csv',
  });
  const expected = [...REQUEST_NAMES, ...EVENT_NAMES.map(eventMethodName), 'pathForFile'].sort();
  assert.deepEqual(Object.keys(api).sort(), expected);
  assert.ok(Object.isFrozen(api));
  assert.equal('send' in api || 'invoke' in api || 'on' in api, false, 'no generic channel API');

  await api.getAppInfo({});
  assert.deepEqual(invoked, [['slicewise:req:getAppInfo', {}]]);
  const off = api.onJobProgress(() => {});
  assert.equal(typeof off, 'function');
  assert.deepEqual(subscribed, ['slicewise:evt:jobProgress']);
  assert.throws(() => api.onJobFinished(42 as never), /listener must be a function/);
});
