import { describe, expect, it } from 'vitest';
import { barePlaceholderLines, barePlaceholders } from '../../src/model/shell-text';

describe('bare <placeholder> words in shell snippets', () => {
  it('finds them outside quotes and comments', () => {
    expect(barePlaceholders('aws apigateway get-api-key --api-key <key-id> --include-value')).toEqual(['<key-id>']);
    expect(barePlaceholders('AzureAd__Audience=api://<api-client-id>')).toEqual(['<api-client-id>']);
    expect(barePlaceholders('flatpak override --user <app-id> <other>')).toEqual(['<app-id>', '<other>']);
  });

  it('leaves quoted placeholders, comments, heredocs, process substitution and real redirects alone', () => {
    expect(barePlaceholders('curl -H "Authorization: Bearer <token>" https://api.example.com')).toEqual([]);
    expect(barePlaceholders("docker login -u '<user>' --password-stdin")).toEqual([]);
    expect(barePlaceholders('echo ok   # replace <key-id> first')).toEqual([]);
    expect(barePlaceholders('cat <<EOF')).toEqual([]);
    expect(barePlaceholders('diff <(sort a) <(sort b)')).toEqual([]);
    expect(barePlaceholders('mysql < dump.sql')).toEqual([]);
    expect(barePlaceholders('echo "a \\" <b>" \\<c>')).toEqual([]);
  });

  it('names the line', () => {
    expect(barePlaceholderLines('ok\nrun <id>')).toEqual(['line 2: <id>']);
  });
});
