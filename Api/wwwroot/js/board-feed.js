/* global signalR */
// Follows a property's board on the hub: the events missed since the last sequence seen, then live
// ones, all as "BoardEvent" messages. Whenever the connection drops (the server also closes a board
// that reads too slowly), it follows again from the last sequence it applied, so nothing is missed,
// nothing is applied twice, and nothing is loaded again. The one exception: when the hub says the
// board's last sequence is past the end of its log (a new log after a restart, a restored database),
// the cursor means nothing there, and the page loads its snapshot again (onBehind).

const retryDelay = (attempt) => Math.min(500 * 2 ** attempt, 10_000);

// The SignalR client reports a refused negotiate as an error whose text ends "Status code '401'":
// the token is missing, expired or forged, and trying again with it cannot help.
const refusedSignIn = (error) => error?.statusCode === 401 || /Status code '401'/.test(String(error?.message ?? error));

// The hub's refusal of a resume point it has never reached (BoardHub.AheadOfLog).
const aheadOfLog = (error) => /ahead-of-log/.test(String(error?.message ?? error));

export class BoardFeed {
  #connection = null;
  #generation = 0;
  #retryTimer = null;
  #attempt = 0;

  /**
   * The connection carries the page's sign-in cookie; onUnauthorized() is called, and the feed stops,
   * when the hub refuses it (signed out, or the sign-in ended); onBehind() is
   * called when the hub's log ends before the board's last sequence, and the page should load a
   * snapshot and follow() from its sequence.
   */
  constructor({ organization, property, onEvent, onFigures, onState, onUnauthorized, onBehind }) {
    this.organization = organization;
    this.property = property;
    this.onEvent = onEvent;
    this.onFigures = onFigures;
    this.onState = onState;
    this.onUnauthorized = onUnauthorized;
    this.onBehind = onBehind;
    this.lastSequence = 0;
    this.state = 'connecting';
  }

  /** Follows the board from a sequence: a fresh snapshot says which, a resume uses the last one applied. */
  follow(sequence) {
    this.lastSequence = sequence;
    if (!this.#connection) {
      this.#connection = this.#build();
      this.#connect();
    } else if (this.#connected) {
      this.#subscribe();
    }
    // Otherwise the connection is on its way back and subscribes from lastSequence when it is.
  }

  /** Stops following and closes the connection, say on signing out; follow() starts again. */
  stop() {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#attempt = 0;
    this.#drop();
    const connection = this.#connection;
    this.#connection = null;
    connection?.stop().catch(() => {});
  }

  get #connected() {
    return this.#connection?.state === signalR.HubConnectionState.Connected;
  }

  #build() {
    const connection = new signalR.HubConnectionBuilder()
      // Same origin: the browser sends the sign-in cookie with the negotiate and the WebSocket.
      .withUrl('/hubs/board')
      // Never give up: a board stays open all day, through network blips and server restarts. A
      // refused sign-in is the exception: the connection closes, and the next connect says so.
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: ({ previousRetryCount, retryReason }) => (refusedSignIn(retryReason) ? null : retryDelay(previousRetryCount)),
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    // A connection replaced by stop() and a new follow() may still report; only the current one counts.
    const current = () => connection === this.#connection;
    connection.on('BoardEvent', (event) => {
      if (!current() || event.sequence <= this.lastSequence) return;
      if (event.sequence > this.lastSequence + 1) {
        // The server sends every number in order: a gap means something went wrong; follow again from what was applied.
        this.#subscribe();
        return;
      }
      this.lastSequence = event.sequence;
      this.onEvent(event);
      this.#setState('live');
    });
    // Tonight's figures, pushed after changes settle.
    connection.on('BoardFigures', (figures) => current() && this.onFigures?.(figures));
    connection.onreconnecting(() => {
      if (!current()) return;
      this.#drop();
      this.#setState('reconnecting');
    });
    connection.onreconnected(() => current() && this.#subscribe());
    connection.onclose(() => {
      if (!current()) return;
      this.#drop();
      this.#setState('reconnecting');
      this.#retryLater();
    });
    return connection;
  }

  async #connect() {
    this.#retryTimer = null;
    const connection = this.#connection;
    try {
      await connection.start();
      if (connection !== this.#connection) return;
      this.#attempt = 0;
      this.#subscribe();
    } catch (error) {
      if (connection !== this.#connection) return;
      if (refusedSignIn(error)) {
        this.stop();
        this.onUnauthorized?.();
        return;
      }
      this.#setState('reconnecting');
      this.#retryLater();
    }
  }

  #retryLater() {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => this.#connect(), retryDelay(this.#attempt++));
  }

  #subscribe() {
    this.#drop();
    const generation = this.#generation;
    this.#connection
      .invoke('Follow', this.organization, this.property, this.lastSequence)
      .then(() => generation === this.#generation && this.#setState('live'))
      .catch((error) => {
        if (generation !== this.#generation) return;
        if (aheadOfLog(error)) {
          // Not the log this board followed: only a fresh snapshot says where the board stands.
          this.#drop();
          this.#setState('connecting');
          this.onBehind?.();
          return;
        }
        // Refused while the connection stayed up (say the node was busy): follow again shortly.
        if (this.#connected) {
          setTimeout(() => generation === this.#generation && this.#subscribe(), 1000);
        }
      });
    this.#setState('live');
  }

  /** Forgets the current follow; its late answer is ignored by its generation. */
  #drop() {
    this.#generation++;
  }

  #setState(state) {
    this.state = state;
    this.onState(state, this.lastSequence);
  }
}
