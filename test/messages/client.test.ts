import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage: (m: unknown) => sendMessage(m) } } }));

const { answerArrivedInThisTask, handOver, sendToBackground } = await import('@/utils/messages/client');
const request = { type: 'get-views' as const, taskKeys: ['trello:abc'], contractorIds: [] as string[] };
const answer = { ok: true, views: { tasks: [], contractors: [] } };
const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');
const refuse = async () => {
  throw noReceiver;
};

describe('sendToBackground', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('returns a failure, not a throw, when the message gets no answer', async () => {
    sendMessage.mockImplementation(refuse);
    await expect(sendToBackground(request)).resolves.toEqual({ ok: false, error: noReceiver.message });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('sends again after each delay while the worker does not answer, and returns the answer it finally gets', async () => {
    sendMessage.mockImplementationOnce(refuse).mockImplementationOnce(refuse).mockResolvedValueOnce(answer);
    await expect(sendToBackground(request, { retryDelaysMs: [1, 1, 1] })).resolves.toEqual(answer);
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('gives up after the last delay', async () => {
    sendMessage.mockImplementation(refuse);
    await expect(sendToBackground(request, { retryDelaysMs: [1, 1] })).resolves.toMatchObject({ ok: false });
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('does not repeat a request the background answered with a failure', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'No task trello:abc' });
    await expect(sendToBackground(request, { retryDelaysMs: [1, 1] })).resolves.toEqual({ ok: false, error: 'No task trello:abc' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('turns a malformed answer into a failure', async () => {
    sendMessage.mockResolvedValue({ views: 'nope' });
    await expect(sendToBackground(request)).resolves.toEqual({ ok: false, error: 'unexpected reply to get-views' });
  });
});

describe('handOver', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('sends once and tells a request that got no answer from one the background refused', async () => {
    sendMessage.mockImplementationOnce(refuse).mockResolvedValueOnce({ ok: false, error: 'storage full' }).mockResolvedValueOnce(answer);
    await expect(handOver(request)).resolves.toEqual({ ok: false, error: noReceiver.message, unanswered: true });
    await expect(handOver(request)).resolves.toEqual({ ok: false, error: 'storage full' });
    await expect(handOver(request)).resolves.toEqual(answer);
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('counts a message answered with nothing at all (a worker stopped mid-answer) as unanswered', async () => {
    sendMessage.mockResolvedValueOnce(undefined);
    await expect(handOver(request)).resolves.toMatchObject({ ok: false, unanswered: true });
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValueOnce(answer);
    await expect(sendToBackground(request, { retryDelaysMs: [1] })).resolves.toEqual(answer);
  });
});

describe('answerArrivedInThisTask', () => {
  it('says when the answer being taken in arrived, in its own task only', async () => {
    sendMessage.mockReset();
    sendMessage.mockResolvedValue(answer);
    // The tests before this one took answers in; their tasks are over once this one has had a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answerArrivedInThisTask()).toBeNull();
    const before = performance.now();
    const reply = await sendToBackground(request);
    // The caller's continuation runs in the answer's task: the moment is known, and came before its check.
    const arrived = answerArrivedInThisTask();
    expect(reply).toEqual(answer);
    expect(arrived).not.toBeNull();
    expect(arrived!).toBeGreaterThanOrEqual(before);
    expect(arrived!).toBeLessThanOrEqual(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answerArrivedInThisTask()).toBeNull();
  });
});
