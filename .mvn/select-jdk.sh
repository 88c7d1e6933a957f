# Sourced by ./mvnw and ./almoner. Almoner needs a JDK 21 or newer; machines often
# default to an older one (this workplace ships 17 beside 25), so when JAVA_HOME does
# not already name a JDK 21+, pick the newest one found in the usual places.
almoner_jdk_major() {
  [ -f "$1/release" ] || { echo 0; return; }
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
}
almoner_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(almoner_jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return
  fi
  almoner_best="" almoner_best_major=0
  almoner_java_on_path=$(command -v java 2>/dev/null || true)
  if [ -n "$almoner_java_on_path" ]; then
    almoner_candidate=$(dirname "$(dirname "$(readlink -f "$almoner_java_on_path")")")
    almoner_best_major=$(almoner_jdk_major "$almoner_candidate")
    almoner_best=$almoner_candidate
  fi
  set +f
  for almoner_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$almoner_candidate/bin/javac" ] || continue
    almoner_major=$(almoner_jdk_major "$almoner_candidate")
    if [ "${almoner_major:-0}" -gt "${almoner_best_major:-0}" ] 2>/dev/null; then
      almoner_best=$almoner_candidate almoner_best_major=$almoner_major
    fi
  done
  if [ "${almoner_best_major:-0}" -ge 21 ] 2>/dev/null; then
    JAVA_HOME=$almoner_best
    export JAVA_HOME
  else
    echo "Almoner needs a JDK 21 or newer and found none. Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    exit 1
  fi
}
almoner_select_jdk
