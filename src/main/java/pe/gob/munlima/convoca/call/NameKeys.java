package pe.gob.munlima.convoca.call;

import java.util.regex.Pattern;

/**
 * A name as a key that can stand in a link or an identifier: folded as the reader folds
 * text (no case, no accents), every run of other characters one dash, none at the ends.
 * "AECID", "Aecid." and "aecid" are one key; "Fundación Ciudades Verdes" is
 * {@code fundacion-ciudades-verdes}. Donor pages and exports key funders by it, so a
 * funder has the same key wherever it appears.
 */
public final class NameKeys {

	private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");

	private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

	private NameKeys() {
	}

	public static String key(String name) {
		return EDGE_DASHES.matcher(NOT_KEY.matcher(TextFolding.fold(name)).replaceAll("-")).replaceAll("");
	}

}
