/* global signalR */
// Follows a property's board on the hub: the events missed since the last sequence seen, then live
// ones. Whenever the connection or the stream drops, it resumes from the last sequence it applied,
// so nothing is missed, nothing is applied twice, and nothing is loaded again.

const retryDelay = (attempt) => Math.min(500 * 2 ** attempt, 10_000);

export class BoardFeed {
  #connection = null;
  #subscription = null;
  #generation = 0;
  #retryTimer = null;
  #attempt = 0;

  constructor({ organization, property, onEvent, onState }) {
    this.organization = organization;
    this.property = property;
    this.onEvent = onEvent;
    this.onState = onState;
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

  get #connected() {
    return this.#connection?.state === signalR.HubConnectionState.Connected;
  }

  #build() {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/board')
      // Never give up: a board stays open all day, through network blips and server restarts.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => retryDelay(previousRetryCount) })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.onreconnecting(() => {
      this.#drop();
      this.#setState('reconnecting');
    });
    connection.onreconnected(() => this.#subscribe());
    connection.onclose(() => {
      this.#drop();
      this.#setState('reconnecting');
      this.#retryLater();
    });
    return connection;
  }

  async #connect() {
    this.#retryTimer = null;
    try {
      await this.#connection.start();
      this.#attempt = 0;
      this.#subscribe();
    } catch {
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
    const stopped = () => {
      // The stream ended while the connection stayed up (for example the server found this board too slow): follow again.
      if (generation === this.#generation && this.#connected) {
        setTimeout(() => generation === this.#generation && this.#subscribe(), 1000);
      }
    };
    this.#subscription = this.#connection
      .stream('Follow', this.organization, this.property, this.lastSequence)
      .subscribe({
        next: (event) => {
          if (generation !== this.#generation || event.sequence <= this.lastSequence) return;
          this.lastSequence = event.sequence;
          this.onEvent(event);
          this.#setState('live');
        },
        error: stopped,
        complete: stopped,
      });
    this.#setState('live');
  }

  /** Ends the current stream, if any; events still in flight from it are ignored by their generation. */
  #drop() {
    this.#generation++;
    const subscription = this.#subscription;
    this.#subscription = null;
    try {
      subscription?.dispose();
    } catch {
      // The connection is already gone, and the server ended the stream with it.
    }
  }

  #setState(state) {
    this.state = state;
    this.onState(state, this.lastSequence);
  }
}
