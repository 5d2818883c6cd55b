package org.stet.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.stet.person.Person;

/** Someone who signs in to the desk, linked to the person their byline names. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Lower case; unique. */
  public String email;

  @Column(name = "display_name")
  public String displayName;

  /** bcrypt of the password's SHA-256; {@code null} for Keycloak-only accounts. */
  @Column(name = "password_hash")
  public String passwordHash;

  /** The Keycloak subject ({@code sub}) this account belongs to, if any. */
  @Column(name = "external_subject")
  public String externalSubject;

  @Column(name = "roles", columnDefinition = "text[]")
  public String[] roles = new String[0];

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id")
  public Person person;

  public boolean disabled;

  /** IANA zone in which the desk shows this account's dates; {@code null}: the site's zone. */
  @Column(name = "time_zone")
  public String timeZone;

  /** What a reviewer knows about, in their own words (keywords), for editors' reviewer search. */
  public String expertise;

  @Column(name = "failed_sign_ins")
  public int failedSignIns;

  /** When the owner was last told of failed sign-ins (at most once a day). */
  @Column(name = "failures_reported_at")
  public Instant failuresReportedAt;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  public Set<Role> roleSet() {
    Set<Role> set = EnumSet.noneOf(Role.class);
    Arrays.stream(roles).map(Role::valueOf).forEach(set::add);
    return set;
  }

  public void setRoles(Set<Role> newRoles) {
    roles = newRoles.stream().sorted().map(Role::name).toArray(String[]::new);
  }

  public static Optional<Account> findByEmail(String email) {
    return find("email", email).firstResultOptional();
  }

  public static boolean noneExist() {
    return count() == 0;
  }
}
