package pe.gob.munlima.convoca.match;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The admission of eligibility checks: beyond the checks running and the few waiting, a
 * check is refused at once with a Retry-After, and a check that waits gets its turn when
 * one ends. Latches hold the checks; nothing depends on how fast the machine is.
 */
class CheckGateTests {

	/** Own threads: the common pool may have a single one on a two-core machine. */
	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void aFullGateRefusesAtOnceWithRetryAfterAndAdmitsAgainWhenACheckEnds() throws Exception {
		CheckGate gate = new CheckGate(new CheckProperties(1, 0, Duration.ofMinutes(1), Duration.ofSeconds(3), null));
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> running = hold(gate, release);
		await().atMost(10, TimeUnit.SECONDS).until(() -> gate.running() == 1);

		// No place to wait: refused now, not after the minute of max-wait.
		long started = System.nanoTime();
		assertThatThrownBy(() -> gate.admit(() -> "second")).isInstanceOfSatisfying(CheckGate.Busy.class, busy -> {
			assertThat(busy.getStatusCode().value()).isEqualTo(503);
			assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
			assertThat(busy.getDetailMessageCode()).isEqualTo("match.check.busy");
			assertThat(busy.retryAfterSeconds()).isEqualTo(3);
		});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

		release.countDown();
		assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(gate.admit(() -> "third")).isEqualTo("third");
		assertThat(gate.running()).isZero();
	}

	@Test
	void aCheckWaitsForItsTurnWhileTheQueueHasRoomAndTheNextOneIsRefused() throws Exception {
		CheckGate gate = new CheckGate(new CheckProperties(1, 1, Duration.ofMinutes(1), Duration.ofSeconds(2), null));
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> running = hold(gate, release);
		await().atMost(10, TimeUnit.SECONDS).until(() -> gate.running() == 1);
		CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> gate.admit(() -> "waited"),
				this.threads);
		await().atMost(10, TimeUnit.SECONDS).until(() -> gate.waiting() == 1);

		assertThatThrownBy(() -> gate.admit(() -> "one too many")).isInstanceOf(CheckGate.Busy.class);
		assertThat(waiting).isNotDone();

		release.countDown();
		assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("waited");
	}

	@Test
	void aCheckWhoseTurnDoesNotComeWithinMaxWaitIsRefused() throws Exception {
		CheckGate gate = new CheckGate(new CheckProperties(1, 5, Duration.ofMillis(50), Duration.ofSeconds(2), null));
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> running = hold(gate, release);
		await().atMost(10, TimeUnit.SECONDS).until(() -> gate.running() == 1);

		// The holder never lets go before the wait ends: refused, however slow the
		// machine.
		assertThatThrownBy(() -> gate.admit(() -> "late")).isInstanceOf(CheckGate.Busy.class);
		assertThat(gate.waiting()).isZero();

		release.countDown();
		running.get(10, TimeUnit.SECONDS);
	}

	@Test
	void aCheckThatFailsGivesItsTurnBack() {
		CheckGate gate = new CheckGate(new CheckProperties(1, 0, Duration.ZERO, Duration.ofSeconds(1), null));
		assertThatThrownBy(() -> gate.admit(() -> {
			throw new IllegalStateException("no profile");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(gate.running()).isZero();
		assertThat(gate.admit(() -> "next")).isEqualTo("next");
	}

	private CompletableFuture<String> hold(CheckGate gate, CountDownLatch release) {
		return CompletableFuture.supplyAsync(() -> gate.admit(() -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "held";
		}), this.threads);
	}

}
