package pe.gob.munlima.convoca.requirement;

import java.time.LocalDate;

/**
 * A fact the office confirmed or corrected by hand: its value no longer rests on
 * Convoca's reading, and reasons built on it say so ("confirmado por la Subgerencia el
 * …").
 *
 * @param by who confirmed it (the account's name)
 * @param on the day it was confirmed, in Lima
 */
public record Confirmation(String by, LocalDate on) {
}
