package pe.gob.munlima.convoca.match;

import java.time.Instant;

/**
 * Published, inside the transaction that stores it, when a gerencia answers a (call,
 * project) match. Application tracking follows it: "nos interesa" with
 * {@code startApplication} moves the match's application to "en evaluación", in the same
 * transaction, so the answer and the move are stored together or not at all.
 *
 * @param gerencia the code of the project's gerencia
 * @param reason the code of a reason of {@code convoca.match.answers.reasons}
 * @param startApplication the user asked to start the application ("Iniciar
 * postulación"); only with {@link Answer#INTERESTED}
 * @param actor the username of who answered (already checked to act for the gerencia)
 */
public record MatchAnswered(long matchId, long callId, long projectId, String gerencia, Answer answer, String reason,
		String note, boolean startApplication, String actor, Instant at) {

}
