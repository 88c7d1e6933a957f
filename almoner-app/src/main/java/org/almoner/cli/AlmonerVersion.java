package org.almoner.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest, so it never drifts from the build. */
final class AlmonerVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Almoner.class.getPackage().getImplementationVersion();
        return new String[] {"almoner " + (version == null ? "(development build)" : version)};
    }
}
