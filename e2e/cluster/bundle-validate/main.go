// Command bundle-validate runs the official OLM bundle validators of
// github.com/operator-framework/api on a registry+v1 bundle directory (manifests/ with the
// ClusterServiceVersion and CRDs, metadata/annotations.yaml).
//
//	bundle-validate [--k8s-version 1.36] [--optional-values k=v,...] BUNDLE_DIR
//
// It prints one line per finding, "ERROR <validator>/<type>: <detail>" or
// "WARN <validator>/<type>: <detail>", then a summary line
// "bundle-validate: N errors, M warnings (validators: ...)". Exit status: 0 without errors
// (warnings allowed), 1 with at least one error, 2 on a usage error or a bundle that cannot be
// loaded.
//
// Besides the library's validators, "csv-schema" checks the ClusterServiceVersion as the API
// server does once OLM's CRDs are installed: fields its CRD schema does not know (pruned, or
// rejected by kubectl apply's strict field validation; typically YAML broken by an unquoted
// ": ") and values the schema rejects (wrong types, missing required fields). The library's
// validators miss both: they decode the CSV leniently. A line the library prints itself on
// stdout becomes a WARN line of the validator that printed it.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/operator-framework/api/crds"
	"github.com/operator-framework/api/pkg/manifests"
	"github.com/operator-framework/api/pkg/validation"
	valerrors "github.com/operator-framework/api/pkg/validation/errors"
	interfaces "github.com/operator-framework/api/pkg/validation/interfaces"
)

// namedValidator is a validator with the short name printed in front of its findings.
type namedValidator struct {
	name      string
	validator interfaces.Validator
}

// validators lists, in order, the default bundle validators and the optional ones that
// `operator-sdk bundle validate --select-optional suite=operatorframework` runs, by their
// library names.
var validators = []namedValidator{
	{"csv", validation.ClusterServiceVersionValidator},
	{"crd", validation.CustomResourceDefinitionValidator},
	{"bundle", validation.BundleValidator},
	{"operatorhub-v2", validation.OperatorHubV2Validator},
	{"good-practices", validation.GoodPracticesValidator},
	{"alpha-deprecated-apis", validation.AlphaDeprecatedAPIsValidator},
	{"standard-capabilities", validation.StandardCapabilitiesValidator},
	{"standard-categories", validation.StandardCategoriesValidator},
	{"csv-schema", interfaces.ValidatorFunc(validateCSVSchema)},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bundle-validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	k8sVersion := fs.String("k8s-version", "1.36", "Kubernetes version the bundle targets (optional value k8s-version)")
	optional := fs.String("optional-values", "", "more optional values for the validators, k=v,... (a k8s-version here wins over --k8s-version)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bundle-validate [--k8s-version 1.36] [--optional-values k=v,...] BUNDLE_DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "bundle-validate: expected exactly one BUNDLE_DIR, got %d arguments\n", fs.NArg())
		fs.Usage()
		return 2
	}
	dir := fs.Arg(0)

	values := map[string]string{}
	if *k8sVersion != "" {
		values["k8s-version"] = *k8sVersion
	}
	if *optional != "" {
		for _, kv := range strings.Split(*optional, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || strings.TrimSpace(k) == "" {
				fmt.Fprintf(stderr, "bundle-validate: --optional-values: %q is not k=v\n", kv)
				return 2
			}
			values[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}

	if info, err := os.Stat(dir); err != nil {
		fmt.Fprintf(stderr, "bundle-validate: cannot read bundle directory %s: %v\n", dir, err)
		return 2
	} else if !info.IsDir() {
		fmt.Fprintf(stderr, "bundle-validate: %s is not a directory\n", dir)
		return 2
	}
	bundle, err := manifests.GetBundleFromDir(dir)
	if err != nil {
		fmt.Fprintf(stderr, "bundle-validate: cannot load the bundle in %s: %v\n", dir, err)
		return 2
	}
	if bundle == nil || bundle.CSV == nil {
		fmt.Fprintf(stderr, "bundle-validate: no ClusterServiceVersion found in %s\n", dir)
		return 2
	}

	// The same objects operator-sdk passes: the CRDs, the CSV, the other objects, the bundle
	// itself, and the optional values as a map.
	objs := append(bundle.ObjectsToValidate(), values)

	errorsCount, warningsCount := 0, 0
	names := make([]string, 0, len(validators))
	for _, v := range validators {
		names = append(names, v.name)
		var results []valerrors.ManifestResult
		printed := captureStdout(func() { results = v.validator.Validate(objs...) })
		for _, line := range printed {
			fmt.Fprintf(stdout, "WARN %s/LibraryOutput: %s\n", v.name, oneLine(line))
			warningsCount++
		}
		for _, result := range results {
			for _, e := range result.Errors {
				fmt.Fprintf(stdout, "ERROR %s/%s: %s\n", v.name, e.Type, describe(result.Name, e))
				errorsCount++
			}
			for _, w := range result.Warnings {
				fmt.Fprintf(stdout, "WARN %s/%s: %s\n", v.name, w.Type, describe(result.Name, w))
				warningsCount++
			}
		}
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k+"="+values[k])
	}
	sort.Strings(keys)
	fmt.Fprintf(stdout, "bundle-validate: %d errors, %d warnings (validators: %s; optional values: %s; bundle %s in %s)\n",
		errorsCount, warningsCount, strings.Join(names, ", "), strings.Join(keys, ","), bundle.Name, dir)
	if errorsCount > 0 {
		return 1
	}
	return 0
}

// validateCSVSchema checks each unstructured ClusterServiceVersion among objs against the
// openAPIV3Schema of the ClusterServiceVersion CRD that this operator-framework/api version
// ships (the CRD OLM installs): unknown fields as the API server's pruning finds them, then the
// schema's own validation (types, required fields, enums, patterns; not CEL rules).
func validateCSVSchema(objs ...interface{}) (results []valerrors.ManifestResult) {
	var csvs []map[string]interface{}
	for _, obj := range objs {
		if b, ok := obj.(*manifests.Bundle); ok {
			for _, u := range b.Objects {
				if u.GetKind() == "ClusterServiceVersion" {
					csvs = append(csvs, u.Object)
				}
			}
		}
	}
	if len(csvs) == 0 {
		return nil
	}
	schema, err := csvSchema()
	if err != nil {
		r := valerrors.ManifestResult{Name: "ClusterServiceVersion CRD"}
		r.Add(valerrors.NewError(valerrors.ErrorInvalidOperation, "cannot use the CSV CRD's schema: "+err.Error(), "", nil))
		return []valerrors.ManifestResult{r}
	}
	validator, _, err := apiservervalidation.NewSchemaValidator(schema)
	if err != nil {
		r := valerrors.ManifestResult{Name: "ClusterServiceVersion CRD"}
		r.Add(valerrors.NewError(valerrors.ErrorInvalidOperation, "cannot build a validator from the CSV CRD's schema: "+err.Error(), "", nil))
		return []valerrors.ManifestResult{r}
	}
	structural, err := structuralschema.NewStructural(schema)
	if err != nil {
		r := valerrors.ManifestResult{Name: "ClusterServiceVersion CRD"}
		r.Add(valerrors.NewError(valerrors.ErrorInvalidOperation, "the CSV CRD's schema is not structural: "+err.Error(), "", nil))
		return []valerrors.ManifestResult{r}
	}
	for _, csv := range csvs {
		name, _, _ := unstructuredString(csv, "metadata", "name")
		r := valerrors.ManifestResult{Name: name}
		copied := runtime.DeepCopyJSON(csv)
		unknown := pruning.PruneWithOptions(copied, structural, true, structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true})
		sort.Strings(unknown)
		for _, path := range unknown {
			r.Add(valerrors.Error{Type: "UnknownField", Level: valerrors.LevelError, Field: path,
				Detail: "not in the ClusterServiceVersion schema (kubectl apply rejects it; otherwise the API server drops it)"})
		}
		for _, fe := range apiservervalidation.ValidateCustomResource(nil, csv, validator) {
			r.Add(valerrors.Error{Type: valerrors.ErrorType(fe.Type), Level: valerrors.LevelError, Field: fe.Field, Detail: fe.ErrorBody()})
		}
		results = append(results, r)
	}
	return results
}

// csvSchema returns the internal form of the served ClusterServiceVersion version's schema.
func csvSchema() (*apiextensions.JSONSchemaProps, error) {
	crd := crds.ClusterServiceVersion()
	for _, v := range crd.Spec.Versions {
		if v.Served && v.Storage && v.Schema != nil && v.Schema.OpenAPIV3Schema != nil {
			out := &apiextensions.JSONSchemaProps{}
			if err := apiextensionsv1.Convert_v1_JSONSchemaProps_To_apiextensions_JSONSchemaProps(v.Schema.OpenAPIV3Schema, out, nil); err != nil {
				return nil, err
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("no served storage version with a schema in %s", crd.Name)
}

func unstructuredString(obj map[string]interface{}, path ...string) (string, bool, error) {
	var cur interface{} = obj
	for _, p := range path {
		m, ok := cur.(map[string]interface{})
		if !ok {
			return "", false, nil
		}
		cur = m[p]
	}
	s, ok := cur.(string)
	return s, ok, nil
}

// captureStdout runs f with os.Stdout redirected and returns the lines f printed there (the
// validator library prints some findings with fmt.Println instead of returning them).
func captureStdout(f func()) []string {
	r, w, err := os.Pipe()
	if err != nil {
		f()
		return nil
	}
	saved := os.Stdout
	os.Stdout = w
	lines := make(chan []string)
	go func() {
		var got []string
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) != "" {
				got = append(got, sc.Text())
			}
		}
		lines <- got
	}()
	defer func() {
		os.Stdout = saved
	}()
	f()
	os.Stdout = saved
	w.Close()
	got := <-lines
	r.Close()
	return got
}

// describe renders a finding without its level prefix: "[manifest] Field f, Value v: detail".
func describe(manifest string, e valerrors.Error) string {
	var b strings.Builder
	if manifest != "" {
		fmt.Fprintf(&b, "[%s] ", manifest)
	}
	parts := []string{}
	if e.Field != "" {
		parts = append(parts, "Field "+e.Field)
	}
	if e.BadValue != nil {
		if s := fmt.Sprintf("%v", e.BadValue); s != "" {
			parts = append(parts, "Value "+truncate(oneLine(s), 200))
		}
	}
	head := strings.Join(parts, ", ")
	detail := oneLine(e.Detail)
	switch {
	case head != "" && detail != "":
		b.WriteString(head + ": " + detail)
	case head != "":
		b.WriteString(head)
	case detail != "":
		b.WriteString(detail)
	default:
		b.WriteString("(no detail)")
	}
	return b.String()
}

// truncate shortens a long value (some validators pass whole objects as the bad value).
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// oneLine keeps a finding on its line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
