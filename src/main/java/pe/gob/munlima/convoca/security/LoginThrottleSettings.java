package pe.gob.munlima.convoca.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code convoca.security.login-throttle.*}: how many wrong passwords a user name, and a
 * client address, may send before their logins are refused for a while.
 *
 * @param maxFailuresPerUser wrong passwords for one user name before it is locked
 * @param maxFailuresPerAddress wrong passwords from one address (for any user names)
 * before it is locked; higher, because an office may share one address
 * @param lockout the first lock; each further failure after a lock doubles it
 * @param maxLockout the longest lock
 * @param forgetAfter failures older than this (without a newer one) are forgotten
 */
@ConfigurationProperties("convoca.security.login-throttle")
record LoginThrottleSettings(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("1m") Duration lockout, @DefaultValue("15m") Duration maxLockout,
		@DefaultValue("1h") Duration forgetAfter) {

}
