// compose-check loads a compose file with compose-go, the parser of Docker Compose v2, and
// fails on any schema or interpolation error. Used by test/foundation/compose.test.ts.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check <docker-compose.yml>")
		os.Exit(2)
	}
	file, _ := filepath.Abs(os.Args[1])
	opts, err := cli.NewProjectOptions([]string{file},
		cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithOsEnv,
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	names := project.ServiceNames()
	sort.Strings(names)
	for _, n := range names {
		s := project.Services[n]
		fmt.Printf("%s\t%s\n", n, s.Image)
	}
}
